package dev.migrationagent.bench;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.deploy.LoadGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * {@code java -cp benchmarks.jar dev.migrationagent.bench.DeployBenchmark [rows] [server-url] [seconds]}: the client
 * load's latency (p50, p99, max) and error count while nothing runs (baseline), during a plain {@code flyway migrate}
 * of {@code CREATE INDEX} on a {@code rows}-row table (default 2,000,000), and during the guarded deploy of the safe
 * version ({@code CREATE INDEX CONCURRENTLY}, a non-transactional script). Uses a scratch database on the server
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres), dropped at the end.
 */
public final class DeployBenchmark {
    private DeployBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        String server = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
        int baselineSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String db = "ma_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        admin(server, "CREATE DATABASE " + db);
        String url = server + db;
        Path project = Files.createTempDirectory("deploy-bench");
        try {
            System.out.printf(Locale.ROOT, "Filling app.bench(id bigserial, n int, note text) with %,d rows...%n",
                    rows);
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
                // in a schema of its own, so that Flyway's schema (public) is empty and needs no baseline
                st.execute("CREATE SCHEMA app");
                st.execute("CREATE TABLE app.bench (id bigserial PRIMARY KEY, n int NOT NULL DEFAULT 0, note text)");
                st.execute("INSERT INTO app.bench (n, note) SELECT (random() * 1000000)::int, md5(g::text) "
                        + "FROM generate_series(1, " + rows + ") g");
                st.execute("VACUUM ANALYZE app.bench");
            }
            String header = String.format(Locale.ROOT, "%-46s %6s %6s %7s %7s %8s %9s %9s %7s", "phase", "ops",
                    "errors", "p50 ms", "p99 ms", "max ms", "w-p99 ms", "w-max ms", "wall s");
            StringBuilder table = new StringBuilder(header).append('\n');
            try (LoadGenerator load = new LoadGenerator(() -> DriverManager.getConnection(url, "postgres", ""),
                    "app.bench", rows, 2, 1, 1)) {
                Thread.sleep(1000);
                load.resetStats();
                long t0 = System.nanoTime();
                Thread.sleep(baselineSeconds * 1000L);
                table.append(row("baseline (no migration)", load, t0));

                // (a) what a plain `flyway migrate` does with the unsafe script: SHARE lock for the whole build.
                // Its history lives in a schema of its own, so that the guarded deploy below finds public empty.
                Path plain = Files.createDirectories(project.resolve("plain"));
                Files.writeString(plain.resolve("V1__index.sql"), "CREATE INDEX bench_n_plain ON app.bench (n);\n");
                load.resetStats();
                t0 = System.nanoTime();
                Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + plain)
                        .schemas("plain_history").table("history_plain").load().migrate();
                table.append(row("(a) flyway migrate: CREATE INDEX", load, t0));
                admin(url, "DROP INDEX app.bench_n_plain");
                Thread.sleep(1000);

                // (b) the planned safe version under the guarded deploy
                Path safe = Files.createDirectories(project.resolve("db/migration"));
                Files.writeString(safe.resolve("V1__index.sql"),
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS bench_n_concurrent ON app.bench (n);\n");
                AnalysisRequest analysis = AnalysisRequest.builder(project).location("filesystem:db/migration")
                        .shadow(new ShadowSetting.None()).target(new DatabaseConnection(url, "postgres", null))
                        .table("history_guarded").build();
                DeployRequest request = DeployRequest.of(analysis);
                load.resetStats();
                t0 = System.nanoTime();
                DeployResult result = MigrationAgent.deploy(request, (level, message) -> {});
                table.append(row("(b) guarded deploy: CREATE INDEX CONCURRENTLY", load, t0));
                if (result.outcome() != DeployResult.Outcome.APPLIED) {
                    dev.migrationagent.report.DeployReports.console(result).forEach(System.out::println);
                    throw new IllegalStateException("guarded deploy ended " + result.outcome());
                }
                System.out.print(table);
                DeployGuards g = request.guards();
                System.out.printf(Locale.ROOT, "Guards: budget %d s, first lock_timeout %d ms (GitLab-shaped retries),"
                        + " statement_timeout catalog %d s / long %d s (CONCURRENTLY: lock_timeout = statement_timeout,"
                        + " cut to the budget left), blocking threshold %d ms%n", g.budget().toSeconds(),
                        g.lockTimeout().toMillis(), g.catalogStatementTimeout().toSeconds(),
                        g.longStatementTimeout().toSeconds(), g.blockingThreshold().toMillis());
                System.out.println("Load: 2 inserters, 1 updater, 1 reader, 2 ms pause between operations; w- columns:"
                        + " writes only");
            }
        } finally {
            admin(server, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            MigrationAgent.stopEmbeddedServers();
        }
    }

    // Operations the migration held up complete just after it: wait for them before reading the figures.
    private static String row(String phase, LoadGenerator load, long t0) throws InterruptedException {
        double wall = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(300);
        return String.format(Locale.ROOT, "%-46s %6d %6d %7.1f %7.1f %8.1f %9.1f %9.1f %7.1f%n", phase,
                load.operations(), load.errors(), load.percentileMillis(0.5), load.percentileMillis(0.99),
                load.percentileMillis(1.0), load.writePercentileMillis(0.99), load.writePercentileMillis(1.0), wall);
    }

    private static void admin(String url, String sql) throws SQLException {
        String target = url.endsWith("/") ? url + "postgres" : url;
        try (Connection c = DriverManager.getConnection(target, "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
