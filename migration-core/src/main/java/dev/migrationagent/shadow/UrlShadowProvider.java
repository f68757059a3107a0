package dev.migrationagent.shadow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Scratch databases on an existing PostgreSQL server: each use creates a uniquely named database there and drops it
 * on close. The server's own major version is what it is; {@link #create(int)} reports it rather than choosing it.
 */
public final class UrlShadowProvider implements ShadowProvider {
    private final String serverUrl;
    private final String user;
    private final String password;

    /**
     * A provider on the server behind {@code serverUrl}.
     *
     * @param serverUrl JDBC URL of any database on the shadow server the user may connect to (usually
     *     {@code postgres}); the user needs CREATEDB
     * @param user user name, or {@code null} to take it from the URL
     * @param password password, or {@code null}
     * @param targetUrl JDBC URL of the database being migrated, or {@code null}; the shadow must not be it
     * @throws ShadowException when the shadow and the target are the same database, or a URL is not PostgreSQL's
     */
    public UrlShadowProvider(String serverUrl, String user, String password, String targetUrl) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.user = user;
        this.password = password;
        Endpoint shadow = Endpoint.of(serverUrl);
        if (targetUrl != null && shadow.equals(Endpoint.of(targetUrl))) {
            // The scratch database would be created beside the target, but the admin URL itself being the target
            // means the user mixed the two settings up: refuse before anything runs there.
            throw new ShadowException("the shadow URL " + redact(serverUrl) + " points to the target database "
                    + shadow.database() + " on " + shadow.host() + ":" + shadow.port()
                    + "; give a separate database (for example postgres) or a separate server for the shadow");
        }
    }

    @Override
    public ShadowDatabase create(int majorVersion) {
        String name = Scratch.newName();
        int major;
        try (Connection admin = connect(serverUrl)) {
            major = Scratch.majorVersion(admin);
            Scratch.create(admin, name);
        } catch (SQLException e) {
            throw new ShadowException("could not create a scratch database on " + redact(serverUrl) + ": "
                    + e.getMessage(), e);
        }
        return new ShadowDatabase(name, withDatabase(serverUrl, name), user, password, major, db -> {
            try (Connection admin = connect(serverUrl)) {
                Scratch.drop(admin, db);
            }
        });
    }

    /** Nothing to stop: the server belongs to someone else. */
    @Override
    public void close() {}

    private Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    /** {@code url} with its database replaced by {@code database}, query parameters kept. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        if (!base.startsWith("jdbc:postgresql://")) {
            throw new ShadowException("not a PostgreSQL JDBC URL: " + redact(url));
        }
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + query;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Host, port and database of a JDBC URL, as the driver reads them. */
    record Endpoint(String host, String port, String database) {
        static Endpoint of(String url) {
            Properties p = Driver.parseURL(url, new Properties());
            if (p == null) {
                throw new ShadowException("not a PostgreSQL JDBC URL: " + redact(url));
            }
            String host = p.getProperty("PGHOST", "localhost").toLowerCase(Locale.ROOT);
            if (host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]")) {
                host = "localhost";
            }
            String port = p.getProperty("PGPORT", "5432");
            String db = p.getProperty("PGDBNAME", "");
            return new Endpoint(host, port, db);
        }
    }
}
