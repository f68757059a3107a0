package dev.migrationagent.shadow;

import dev.migrationagent.lock.Rates;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Measures lock-duration rates by timing the kinds of locked work on synthetic rows in a shadow database: a CHECK
 * scan, a foreign key validation, an index build, a rewriting type change and a whole-table UPDATE, each rolled
 * back. The rates describe the machine the shadow runs on, which is why they are kept within bounds of the priors.
 */
public final class Calibration {
    /** Rows of the synthetic table: enough for timings well above timer noise, few enough for about a second. */
    static final int ROWS = 100_000;
    private static final Map<String, Rates> MEASURED = new ConcurrentHashMap<>();

    private Calibration() {}

    /**
     * Rates for the server identified by {@code key}, measured once per JVM on a scratch database from
     * {@code shadow}, which is closed (dropped) afterwards.
     */
    public static Rates forServer(String key, Supplier<ShadowDatabase> shadow) throws SQLException {
        Rates known = MEASURED.get(key);
        if (known != null) {
            return known;
        }
        try (ShadowDatabase db = shadow.get(); Connection c = db.connect()) {
            Rates rates = measure(c);
            MEASURED.put(key, rates);
            return rates;
        }
    }

    /** Times each kind of work once on {@value #ROWS} synthetic rows in an empty database. */
    static Rates measure(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = '60s'");
            st.execute("CREATE TABLE ma_calibration (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL,"
                    + " pad text NOT NULL)");
            st.execute("INSERT INTO ma_calibration SELECT g, g % 1000, g % 97, md5(g::text)"
                    + " FROM generate_series(1, " + ROWS + ") g");
            st.execute("CREATE TABLE ma_calibration_parent (id int PRIMARY KEY)");
            st.execute("INSERT INTO ma_calibration_parent SELECT g FROM generate_series(0, 999) g");
            st.execute("ANALYZE ma_calibration");
            long heap = size(st, "pg_relation_size");
            long total = size(st, "pg_total_relation_size");
            double scan = heap / time(c, "ALTER TABLE ma_calibration ADD CONSTRAINT ma_c CHECK (a >= 0)");
            double validate = ROWS / time(c, "ALTER TABLE ma_calibration ADD CONSTRAINT ma_f FOREIGN KEY (a)"
                    + " REFERENCES ma_calibration_parent (id)");
            double index = ROWS / time(c, "CREATE INDEX ma_i ON ma_calibration (b)");
            double rewrite = total / time(c, "ALTER TABLE ma_calibration ALTER COLUMN b TYPE bigint");
            double rowChange = ROWS / time(c, "UPDATE ma_calibration SET b = b + 1");
            return Rates.measured(scan, validate, index, rewrite, rowChange);
        }
    }

    private static long size(Statement st, String function) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT " + function + "('ma_calibration')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seconds one statement takes inside a transaction that is then rolled back, so the table stays as it was. */
    private static double time(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            long start = System.nanoTime();
            st.execute(sql);
            return Math.max(1e-4, (System.nanoTime() - start) / 1e9);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
