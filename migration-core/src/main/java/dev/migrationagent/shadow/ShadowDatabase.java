package dev.migrationagent.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A scratch PostgreSQL database for one analysis; {@link #close()} drops it and whatever it holds. */
public final class ShadowDatabase implements AutoCloseable {
    /** Drops a scratch database; supplied by the provider that created it. */
    @FunctionalInterface
    interface Dropper {
        void drop(String database) throws SQLException;
    }

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int majorVersion;
    private final Dropper dropper;
    private boolean closed;

    ShadowDatabase(String name, String jdbcUrl, String user, String password, int majorVersion, Dropper dropper) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user;
        this.password = password;
        this.majorVersion = majorVersion;
        this.dropper = dropper;
    }

    /** The scratch database's name. */
    public String name() {
        return name;
    }

    /** JDBC URL of the scratch database, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The server's major version, such as {@code 16}. */
    public int majorVersion() {
        return majorVersion;
    }

    /** A data source for the scratch database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** A new connection to the scratch database. */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /**
     * Drops the scratch database, ending any session still connected to it.
     *
     * @throws ShadowException when the drop fails, naming the database left behind
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dropper.drop(name);
        } catch (SQLException e) {
            throw new ShadowException("could not drop scratch database " + name + ": " + e.getMessage(), e);
        }
    }
}
