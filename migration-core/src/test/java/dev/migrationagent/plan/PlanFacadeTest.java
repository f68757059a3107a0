package dev.migrationagent.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.PlanRequest;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan facade end to end: analysis, planning on the embedded shadow, the files written, and what they do. */
class PlanFacadeTest {
    @TempDir
    Path project;
    Path dir;

    @BeforeAll
    static void embedded() {
        assumeTrue(EmbeddedShadowProvider.shared().available(16), "embedded PostgreSQL cannot start here; skipped");
    }

    @BeforeEach
    void history() throws Exception {
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__init.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, legacy text);
                INSERT INTO orders SELECT g, now(), 'x' FROM generate_series(1, 100) g;
                """);
        Files.writeString(project.resolve("stats.json"), """
                {"tables": [{"schema": "public", "name": "orders", "rows": 50000000, "bytes": 8000000000}]}
                """);
    }

    private AnalysisRequest.Builder request() {
        return AnalysisRequest.builder(project).scope(new ReviewScope.AfterVersion("1")).postgresVersion(16)
                .statsFile(Path.of("stats.json")).shadow(new ShadowSetting.Embedded());
    }

    @Test
    void writesVerifiedReleasesWithUndoScriptsAndASummary() throws Exception {
        Files.writeString(dir.resolve("V2__orders.sql"), """
                CREATE INDEX orders_created_idx ON orders (created_at);
                ALTER TABLE orders DROP COLUMN legacy;
                """);
        PlanResult r = MigrationAgent.plan(PlanRequest.of(request().build(), Path.of("target/plan")),
                Listener.silent());

        assertThat(r.scripts()).singleElement().satisfies(s -> {
            assertThat(s.problems()).isEmpty();
            assertThat(s.verified()).isTrue();
            assertThat(s.releases()).isEqualTo(3);
            assertThat(s.rollbackComplexity()).isEqualTo(5);
        });
        Path plan = project.resolve("target/plan");
        assertThat(plan.resolve("release-1/V2_1__create_index_orders_created_idx_concurrently.sql")).content()
                .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);",
                        "SET lock_timeout = '0';");
        assertThat(plan.resolve("release-1/V2_1__create_index_orders_created_idx_concurrently.sql.conf")).content()
                .contains("executeInTransaction=false");
        assertThat(plan.resolve("release-1/U2_1__create_index_orders_created_idx_concurrently.sql")).content()
                .contains("DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;");
        assertThat(plan.resolve("release-2/V2_2__back_up_and_drop_column_legacy.sql")).content()
                .contains("CREATE TABLE orders_legacy_backup AS SELECT id, legacy FROM orders;");
        assertThat(plan.resolve("release-3/U2_3__drop_backup_of_column_legacy.sql")).content()
                .contains("RAISE EXCEPTION 'irreversible:");
        assertThat(plan.resolve("plan.md")).content().contains("verified", "Release 2", "Irreversible");
        assertThat(plan.resolve("plan.json")).content().contains("\"verified\" : true", "\"lock_timeout\" : \"0\"");
        assertThat(r.nextSteps()).anySatisfy(l -> assertThat(l).contains("replace it by the scripts in "
                + Path.of("target/plan/release-1")));
        // The analysis of the script as written is what chose to plan it.
        assertThat(r.analysis().safeToDeploy()).isFalse();
    }

    @Test
    void writtenScriptsRestoreTheDroppedColumnWithItsValues() throws Exception {
        Files.writeString(dir.resolve("V2__orders.sql"), "ALTER TABLE orders DROP COLUMN legacy;\n");
        MigrationAgent.plan(PlanRequest.of(request().build(), Path.of("plan")), Listener.silent());
        Path plan = project.resolve("plan");
        try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(16); Connection c = db.connect()) {
            Tracer tracer = new Tracer();
            run(tracer, c, dir.resolve("V1__init.sql"));
            run(tracer, c, plan.resolve("release-2/V2_1__back_up_and_drop_column_legacy.sql"));
            assertThat(count(c, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy' "
                    + "AND table_name = 'orders'")).isZero();
            run(tracer, c, plan.resolve("release-2/U2_1__back_up_and_drop_column_legacy.sql"));
            assertThat(count(c, "SELECT count(*) FROM orders WHERE legacy = 'x'")).isEqualTo(100);
        }
    }

    @Test
    void aLeftoverInvalidIndexIsDroppedConcurrentlyBeforeTheRetry() throws Exception {
        try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(16); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id bigint PRIMARY KEY, x int)");
                s.execute("INSERT INTO t VALUES (1, 1), (2, 1)");
                try {
                    s.execute("CREATE UNIQUE INDEX CONCURRENTLY t_x_key ON t (x)");
                } catch (SQLException expected) {
                    // duplicates: the failed build leaves t_x_key INVALID
                }
                assertThat(count(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isEqualTo(1);
                s.execute("DELETE FROM t WHERE id = 2");
            }
            List<String> run = new ArrayList<>();
            Tracer tracer = new Tracer();
            new Planner(c, Planner.Settings.defaults(16)).plan("V2__x.sql", dev.migrationagent.sql.postgres
                    .PostgresParser.parse("CREATE UNIQUE INDEX t_x_key ON t (x);").statements(), step -> {
                        ScriptTrace trace = tracer.trace(c, StepScript.forward(step), step.kind().transactional(),
                                db::connect);
                        assertThat(trace.failure()).isNull();
                        run.addAll(step.statements());
                    });
            assertThat(run).contains("DROP INDEX CONCURRENTLY IF EXISTS t_x_key_invalid");
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE indexrelid = 't_x_key'::regclass AND indisvalid"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM pg_class WHERE relname = 't_x_key_invalid'")).isZero();
        }
    }

    @Test
    void anIndexOnAPartitionedTableIsBuiltPerPartitionAndAttached() throws Exception {
        String schema = """
                CREATE TABLE m (id bigint, at date NOT NULL, v int) PARTITION BY RANGE (at);
                CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                INSERT INTO m SELECT g, DATE '2024-06-01' + g, g FROM generate_series(1, 500) g;
                """;
        try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(16); Connection c = db.connect()) {
            new Tracer().replay(c, dev.migrationagent.sql.postgres.PostgresParser.parse(schema).statements().stream()
                    .map(dev.migrationagent.sql.ParsedStatement::text).toList());
            dev.migrationagent.script.MigrationScript script = new dev.migrationagent.script.MigrationScript(null,
                    "V2__idx.sql", null, "idx", "CREATE INDEX m_v_idx ON m (v);", true);
            Proof.Outcome o = Proof.run(c, db::connect, script, Planner.Settings.defaults(16), new Proof.Context(
                    List.of(new dev.migrationagent.script.MigrationScript(null, "V1__s.sql", null, "s", schema, true)),
                    dev.migrationagent.schema.TableStats.ofRows(java.util.Map.of("m_2024", 30_000_000L, "m_2025",
                            30_000_000L)), 10_000, List.of(), "flyway_schema_history"));
            assertThat(o.problems()).isEmpty();
            assertThat(o.files()).containsExactly("V1_1__create_index_m_v_idx_on_only_m",
                    "V1_2__create_index_m_2024_v_idx_concurrently", "V1_3__create_index_m_2025_v_idx_concurrently",
                    "V1_4__attach_the_partitions_indexes_to_m_v_idx");
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE indexrelid = 'm_v_idx'::regclass AND indisvalid"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'm_v_idx'::regclass")).isEqualTo(2);
        }
    }

    @Test
    void aSafeMigrationNeedsNoPlanAndNoShadowRunIsRefused() throws Exception {
        Files.writeString(dir.resolve("V2__safe.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
        PlanResult r = MigrationAgent.plan(PlanRequest.of(request().build(), Path.of("plan")), Listener.silent());
        assertThat(r.scripts()).isEmpty();
        assertThat(r.nextSteps()).containsExactly("Every reviewed migration is safe as written: nothing to plan.");
        assertThat(r.verified()).isTrue();

        Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX i ON orders (created_at);\n");
        assertThatThrownBy(() -> MigrationAgent.plan(PlanRequest.of(request().shadow(new ShadowSetting.None())
                .build(), Path.of("plan")), Listener.silent()))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("shadow");
        try (Stream<Path> files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("target");
        }
    }

    private static void run(Tracer tracer, Connection c, Path script) throws Exception {
        boolean tx = !Files.exists(Path.of(script + ".conf"));
        ScriptTrace t = tracer.trace(c, dev.migrationagent.sql.postgres.PostgresParser.parse(Files.readString(script))
                .statements().stream().map(dev.migrationagent.sql.ParsedStatement::text).toList(), tx);
        assertThat(t.failure()).as(script.toString()).isNull();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
