package dev.migrationagent;

import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.datacheck.DataChecker;
import dev.migrationagent.datacheck.StatementCounts;
import dev.migrationagent.introspect.Introspection;
import dev.migrationagent.introspect.PostgresIntrospector;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.script.Version;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Reads the target database, read-only, and turns connection failures into one-line, password-free errors. */
final class TargetDatabase {
    private static final Duration STATEMENT_TIMEOUT = PostgresIntrospector.DEFAULT_STATEMENT_TIMEOUT;

    private TargetDatabase() {}

    /**
     * Connects read-only and introspects the target.
     *
     * @throws MigrationAgentException when the target cannot be reached or rejects the credentials
     */
    static Introspection introspect(DatabaseConnection target, Listener listener) {
        listener.on(Listener.Level.INFO, "Reading the target database " + target + " (read-only)");
        try (Connection c = open(target, "target", true)) {
            return new PostgresIntrospector(STATEMENT_TIMEOUT).introspect(c);
        } catch (SQLException e) {
            throw failure(target, "target", e);
        }
    }

    /**
     * Counts, read-only, the target rows that violate what the reviewed statements add; see {@link DataChecker}.
     *
     * @throws MigrationAgentException when the target cannot be reached
     */
    static Map<String, List<StatementCounts>> countViolations(DatabaseConnection target,
            List<MigrationScript> reviewed, Listener listener) {
        if (reviewed.isEmpty()) {
            return Map.of();
        }
        listener.on(Listener.Level.INFO, "Counting target rows that violate the constraints the migrations add "
                + "(read-only, at most " + DataChecker.DEFAULT_TIMEOUT.toSeconds() + " s per check)");
        try (Connection c = open(target, "target", true)) {
            return new DataChecker(DataChecker.DEFAULT_TIMEOUT, listener).check(c, reviewed);
        } catch (SQLException e) {
            throw failure(target, "target", e);
        }
    }

    /**
     * The versions the target's {@code flyway_schema_history} lists as successfully applied, read-only; {@code null}
     * (after an INFO) when the table is absent or unreadable.
     */
    static Set<Version> appliedVersions(DatabaseConnection target, Listener listener) {
        return appliedVersions(target, "flyway_schema_history", listener);
    }

    /** As {@link #appliedVersions(DatabaseConnection, Listener)} for another history table (a plain name). */
    static Set<Version> appliedVersions(DatabaseConnection target, String table, Listener listener) {
        try (Connection c = open(target, "target", true); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version FROM " + table + " WHERE success AND version IS NOT NULL")) {
            Set<Version> versions = new TreeSet<>();
            while (rs.next()) {
                Version v = Version.parse(rs.getString(1));
                if (v != null) {
                    versions.add(v);
                }
            }
            return versions;
        } catch (SQLException e) {
            listener.on(Listener.Level.INFO, "The target's flyway_schema_history cannot be read (" + oneLine(
                    e.getMessage()) + "); the shadow's baseline is every migration before the ones under review");
            return null;
        }
    }

    /**
     * Opens a connection. With {@code readOnly} the session cannot write even if a bug tried to: the server sets
     * {@code default_transaction_read_only} before the first statement, and a statement timeout bounds every query.
     */
    static Connection open(DatabaseConnection db, String setting, boolean readOnly) throws SQLException {
        Properties p = new Properties();
        if (db.user() != null) {
            p.setProperty("user", db.user());
        }
        if (db.password() != null) {
            // The one place the clear text is needed: handing it to the driver.
            p.setProperty("password", db.password().reveal());
        }
        // Fail fast when nothing answers, instead of the driver's default of waiting without limit.
        p.setProperty("connectTimeout", "10");
        p.setProperty("loginTimeout", "10");
        p.setProperty("ApplicationName", "migration-agent " + setting);
        if (readOnly) {
            p.setProperty("readOnly", "true");
            p.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout="
                    + STATEMENT_TIMEOUT.toMillis());
        }
        return DriverManager.getConnection(db.url(), p);
    }

    /**
     * The exception for a failed connection or query: credentials rejected → the setting to fix; anything else →
     * the database is unavailable. Messages name the URL without its parameters and never the password.
     */
    static MigrationAgentException failure(DatabaseConnection db, String setting, SQLException e) {
        String where = db.location();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String prefix = setting.equals("target") ? "" : setting + ".";
        switch (state) {
            case "28P01":
                return new InvalidConfigurationException(prefix + "password", "********",
                        "authentication failed for user " + db.user() + " on " + where + "; check the password");
            case "28000":
                return new InvalidConfigurationException(prefix + "user", String.valueOf(db.user()),
                        "the server at " + where + " rejected the user (" + oneLine(e.getMessage())
                        + "); check the user name and the server's pg_hba.conf");
            case "3D000":
                return new InvalidConfigurationException(setting, where, "the database does not exist; check the "
                        + "database name in the URL");
            default:
                return new DatabaseUnavailableException("cannot reach " + where + ": " + reason(e) + "; check the "
                        + setting + " URL " + where + " and that the server accepts connections", e);
        }
    }

    private static String reason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out";
            }
        }
        if ("57014".equals(e.getSQLState())) {
            return "a catalog query exceeded the statement timeout of " + STATEMENT_TIMEOUT.toSeconds() + " s";
        }
        return oneLine(e.getMessage());
    }

    /** Collapses line breaks so a message fits one log line. */
    static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
