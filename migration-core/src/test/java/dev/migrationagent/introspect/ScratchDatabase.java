package dev.migrationagent.introspect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database on the local PostgreSQL (127.0.0.1:5432, user postgres, or the server URL in the
 * {@code ma.test.postgres} system property); a test class that cannot reach the server is skipped rather than
 * failed, so machines without PostgreSQL stay green.
 */
public final class ScratchDatabase implements AutoCloseable {
    // Overridable so a machine with PostgreSQL elsewhere can still run these tests.
    public static final String SERVER = System.getProperty("ma.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "postgres";

    /** The database's name. */
    public final String name;
    private final String unavailable;

    private ScratchDatabase(String name, String unavailable) {
        this.name = name;
        this.unavailable = unavailable;
    }

    /**
     * Creates a database with a unique name. When the server is unreachable it returns an unavailable one instead
     * of failing: call {@link #assumeAvailable()} in {@code @BeforeEach}, which reports each test as skipped
     * (an abort in {@code @BeforeAll} would make Surefire count no tests at all).
     */
    public static ScratchDatabase create() {
        String name = "ma_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            return new ScratchDatabase(name, "PostgreSQL at " + SERVER + " is not available: " + e.getMessage());
        }
        return new ScratchDatabase(name, null);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Skips the current test when the server was unreachable. */
    public void assumeAvailable() {
        Assumptions.assumeTrue(available(), unavailable);
    }

    public static Connection connect(String database) throws SQLException {
        // Fail fast when nothing listens, so the skip is quick.
        return DriverManager.getConnection(SERVER + database + "?connectTimeout=3&loginTimeout=3", USER, "");
    }

    public Connection connect() throws SQLException {
        return connect(name);
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!available()) {
            return;
        }
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
