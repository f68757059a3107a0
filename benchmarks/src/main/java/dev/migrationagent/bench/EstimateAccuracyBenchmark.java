package dev.migrationagent.bench;

import dev.migrationagent.lock.LockEstimator;
import dev.migrationagent.lock.Work;
import dev.migrationagent.schema.TableSize;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code java -cp benchmarks.jar dev.migrationagent.bench.EstimateAccuracyBenchmark [rows,rows,...] [server]}: how
 * close {@link LockEstimator} comes to real lock-holding work.
 *
 * <p>For each size (default 1,000,000 and 5,000,000 rows) it fills {@code t (id bigint primary key, a int, b int,
 * pad text)} with generate_series, runs VACUUM ANALYZE, then times (median of {@value #REPS}), each inside
 * BEGIN/ROLLBACK so the table is reused:
 * <ul>
 *   <li>{@code ALTER TABLE t ALTER COLUMN a TYPE bigint}, compared with {@link Work#REWRITE};</li>
 *   <li>{@code CREATE INDEX ON t (b)}, compared with {@link Work#INDEX_BUILD};</li>
 *   <li>{@code VALIDATE CONSTRAINT} of a {@code CHECK (a >= 0)} added {@code NOT VALID} in the same transaction,
 *       compared with {@link Work#SCAN} (what the lock model gives a CHECK validation).</li>
 * </ul>
 * The estimate gets the size the analysis would get from a target: {@code reltuples} rows and
 * {@code pg_total_relation_size} bytes. {@code server} is {@code embedded} (default: an embedded PostgreSQL 16 with
 * the shadow's settings) or a JDBC URL of a server's root such as {@code jdbc:postgresql://127.0.0.1:5432/} (user
 * postgres), where a scratch database {@code ma_bench_*} is created and dropped.
 */
public final class EstimateAccuracyBenchmark {
    private static final int REPS = 3;
    private static final int EMBEDDED_MAJOR = 16;

    private EstimateAccuracyBenchmark() {}

    private record Row(String operation, long rows, long bytes, double estimated, double measured, double rate,
            String unit) {}

    public static void main(String[] args) throws Exception {
        long[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000000,5000000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).toArray();
        String server = args.length > 1 ? args[1] : "embedded";
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        if (server.equals("embedded")) {
            try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(EMBEDDED_MAJOR);
                    Connection c = db.connect()) {
                run(c, sizes, rows);
            }
        } else {
            String db = "ma_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                    Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + db);
            }
            try (Connection c = DriverManager.getConnection(server + db, "postgres", "")) {
                run(c, sizes, rows);
            } finally {
                try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                        Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE " + db + " WITH (FORCE)");
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%-22s %10s %9s %9s %9s %7s  %s%n", "operation", "rows", "MiB total",
                "est. s", "meas. s", "est/meas", "measured rate");
        int met = 0;
        for (Row r : rows) {
            double ratio = r.estimated / r.measured;
            boolean ok = ratio >= 0.5 && ratio <= 1.5;
            met += ok ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-22s %,10d %9.0f %9.2f %9.2f %7.2f%s  %s%n", r.operation, r.rows,
                    r.bytes / 1048576.0, r.estimated, r.measured, ratio, ok ? " " : "*",
                    String.format(Locale.ROOT, "%.3g %s", r.rate, r.unit));
        }
        System.out.printf(Locale.ROOT, "goal (estimate within ±50%% of measured): %d of %d %s (* = outside)%n", met,
                rows.size(), met == rows.size() ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void run(Connection c, long[] sizes, List<Row> out) throws SQLException {
        try (Statement st = c.createStatement()) {
            System.out.println(one(st, "SELECT version()"));
            System.out.println("shared_buffers=" + one(st, "SHOW shared_buffers") + ", maintenance_work_mem="
                    + one(st, "SHOW maintenance_work_mem") + ", max_parallel_maintenance_workers="
                    + one(st, "SHOW max_parallel_maintenance_workers") + ", fsync=" + one(st, "SHOW fsync")
                    + ", wal_level=" + one(st, "SHOW wal_level"));
        }
        for (long n : sizes) {
            String t = "bench_" + n;
            long load = System.nanoTime();
            try (Statement st = c.createStatement()) {
                // For the load only; the timed statements run with the server's setting.
                st.execute("SET synchronous_commit = off");
                st.execute("DROP TABLE IF EXISTS " + t);
                st.execute("CREATE TABLE " + t + " (id bigint, a int, b int, pad text)");
                st.execute("INSERT INTO " + t + " SELECT g, (random() * 1000000)::int, (random() * 1000000)::int,"
                        + " lpad(g::text, 32, 'x') FROM generate_series(1, " + n + ") g");
                st.execute("ALTER TABLE " + t + " ADD PRIMARY KEY (id)");
                // VACUUM sets hint bits and the visibility map, so the first timed statement does not pay for them.
                st.execute("VACUUM ANALYZE " + t);
                st.execute("SELECT count(*) FROM " + t); // warm the cache
                st.execute("RESET synchronous_commit");
            }
            long rows;
            long total;
            long heap;
            try (Statement st = c.createStatement()) {
                rows = Long.parseLong(one(st, "SELECT reltuples::bigint FROM pg_class WHERE relname = '" + t + "'"));
                total = Long.parseLong(one(st, "SELECT pg_total_relation_size('" + t + "')"));
                heap = Long.parseLong(one(st, "SELECT pg_relation_size('" + t + "')"));
            }
            System.out.printf(Locale.ROOT, "%n%s: %,d rows (reltuples %,d), heap %.0f MiB, total %.0f MiB, loaded in "
                    + "%.1f s%n", t, n, rows, heap / 1048576.0, total / 1048576.0, (System.nanoTime() - load) / 1e9);
            TableSize size = new TableSize(TableSize.Kind.LARGE, rows, total);

            double rewrite = time(c, null, "ALTER TABLE " + t + " ALTER COLUMN a TYPE bigint");
            out.add(new Row("rewrite (ALTER TYPE)", rows, total, LockEstimator.seconds(Work.REWRITE, size), rewrite,
                    total / rewrite / 1e6, "MB/s (total)"));
            double index = time(c, null, "CREATE INDEX ON " + t + " (b)");
            out.add(new Row("index build (int)", rows, total, LockEstimator.seconds(Work.INDEX_BUILD, size), index,
                    rows / index / 1e6, "M rows/s"));
            double validate = time(c, "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_a_ck CHECK (a >= 0) NOT VALID",
                    "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_a_ck");
            out.add(new Row("validate CHECK (scan)", rows, total, LockEstimator.seconds(Work.SCAN, size), validate,
                    total / validate / 1e6, "MB/s (total)"));
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + t);
            }
        }
    }

    /** Median seconds of {@link #REPS} runs of {@code timed}, each after {@code setup} in BEGIN ... ROLLBACK. */
    private static double time(Connection c, String setup, String timed) throws SQLException {
        double[] s = new double[REPS];
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < REPS; i++) {
                if (setup != null) {
                    st.execute(setup);
                }
                long start = System.nanoTime();
                st.execute(timed);
                s[i] = (System.nanoTime() - start) / 1e9;
                c.rollback();
            }
        } finally {
            c.setAutoCommit(true);
        }
        System.out.printf(Locale.ROOT, "  %-60s %s s%n", timed, Arrays.toString(Arrays.stream(s)
                .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toArray()));
        Arrays.sort(s);
        return s[REPS / 2];
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
