package dev.migrationagent.introspect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database on the local PostgreSQL (127.0.0.1:5432, user postgres); a test class that cannot reach the
 * server is skipped rather than failed, so machines without PostgreSQL stay green.
 */
final class ScratchDatabase implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** Creates a database with a unique name, or skips the calling test class when the server is unreachable. */
    static ScratchDatabase create() {
        String name = "ma_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 is not available: " + e.getMessage());
        }
        return new ScratchDatabase(name);
    }

    static Connection connect(String database) throws SQLException {
        // Fail fast when nothing listens, so the skip is quick.
        return DriverManager.getConnection(SERVER + database + "?connectTimeout=3&loginTimeout=3", USER, "");
    }

    Connection connect() throws SQLException {
        return connect(name);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
