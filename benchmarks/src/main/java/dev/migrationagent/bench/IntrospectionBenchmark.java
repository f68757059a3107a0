package dev.migrationagent.bench;

import dev.migrationagent.introspect.Introspection;
import dev.migrationagent.introspect.PostgresIntrospector;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code java -cp benchmarks.jar dev.migrationagent.bench.IntrospectionBenchmark [tables] [columns] [server-url]}:
 * builds a scratch database of {@code tables} × {@code columns} (default 10,000 × 10) on a PostgreSQL server
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres), times {@link PostgresIntrospector} against
 * per-table JDBC {@link DatabaseMetaData} calls, prints both and their ratio, and drops the database.
 */
public final class IntrospectionBenchmark {
    private static final int BATCH = 200;
    private static final int INTROSPECTION_RUNS = 5;

    private IntrospectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String server = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/";
        if (columns < 3) {
            throw new IllegalArgumentException("need at least 3 columns (id, parent_id, one more)");
        }
        String db = "ma_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        try {
            run(server + db, tables, columns);
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE " + db + " WITH (FORCE)");
            }
        }
    }

    private static void run(String url, int tables, int columns) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            create(c, tables, columns);
        }
        System.out.printf(Locale.ROOT, "created %,d tables x %d columns in %.1f s%n", tables, columns,
                seconds(System.nanoTime() - t0));

        // Each side gets a fresh connection, so neither profits from the other's catalog cache in the backend.
        long[] runs = new long[INTROSPECTION_RUNS];
        Introspection last = null;
        for (int i = 0; i < runs.length; i++) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                long start = System.nanoTime();
                last = new PostgresIntrospector(Duration.ofMinutes(5)).introspect(c);
                runs[i] = System.nanoTime() - start;
            }
        }
        long first = runs[0];
        Arrays.sort(runs);
        long introspector = runs[runs.length / 2];
        System.out.printf(Locale.ROOT, "PostgresIntrospector: %.3f s median of %d (first %.3f s, min %.3f s, "
                + "max %.3f s), %,d tables in the model%n", seconds(introspector), runs.length,
                seconds(first), seconds(runs[0]), seconds(runs[runs.length - 1]), last.model().tableNames().size());

        long start = System.nanoTime();
        long rows;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            // The introspector turns JIT off for its catalog queries; do the same here so the comparison is fair.
            try (Statement st = c.createStatement()) {
                st.execute("SET jit = off");
            }
            rows = perTableMetadata(c);
        }
        long jdbc = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "per-table DatabaseMetaData: %.3f s (%,d metadata rows)%n", seconds(jdbc),
                rows);
        System.out.printf(Locale.ROOT, "ratio: %.1fx%n", (double) jdbc / introspector);
    }

    /** Tables with a primary key, a foreign key to the previous table, a default, NOT NULLs and one more index. */
    private static void create(Connection c, int tables, int columns) throws SQLException {
        String[] types = {"text", "integer", "numeric(12,2)", "timestamptz", "boolean", "varchar(40)", "jsonb",
            "date"};
        try (Statement st = c.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (int t = 0; t < tables; t++) {
                sql.append("CREATE TABLE t_").append(t).append(" (id bigint PRIMARY KEY, parent_id bigint");
                if (t > 0) {
                    sql.append(" REFERENCES t_").append(t - 1).append(" (id)");
                }
                for (int k = 2; k < columns; k++) {
                    String type = types[(t + k) % types.length];
                    sql.append(", c").append(k).append(' ').append(type);
                    if (k % 3 == 0) {
                        sql.append(" NOT NULL");
                    }
                    if (type.equals("integer")) {
                        sql.append(" DEFAULT 0");
                    }
                }
                sql.append(");\nCREATE INDEX t_").append(t).append("_parent_idx ON t_").append(t)
                        .append(" (parent_id);\n");
                // Batches keep each implicit transaction's lock count well under max_locks_per_transaction.
                if ((t + 1) % BATCH == 0 || t == tables - 1) {
                    st.execute(sql.toString());
                    sql.setLength(0);
                }
            }
            st.execute("ANALYZE");
        }
    }

    /** The per-table way: list the tables, then four metadata calls for each. */
    private static long perTableMetadata(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                names.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
            }
        }
        long rows = 0;
        for (String[] n : names) {
            rows += count(md.getColumns(null, n[0], n[1], "%"));
            rows += count(md.getPrimaryKeys(null, n[0], n[1]));
            rows += count(md.getIndexInfo(null, n[0], n[1], false, true));
            rows += count(md.getImportedKeys(null, n[0], n[1]));
        }
        return rows;
    }

    private static long count(ResultSet rs) throws SQLException {
        try (rs) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
