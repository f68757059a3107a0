package dev.migrationagent.plan;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.PlanRequest;
import dev.migrationagent.sql.IndexStatements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The text-level parts of the planner. */
class PlanPartsTest {
    @Test
    void rangeAndListBoundsBecomeChecks() {
        assertThat(BoundCheck.of("RANGE (logged_at)", "FROM ('2024-01-01') TO ('2024-02-01')"))
                .isEqualTo("logged_at IS NOT NULL AND logged_at >= '2024-01-01' AND logged_at < '2024-02-01'");
        assertThat(BoundCheck.of("RANGE (\"Day\")", "FOR VALUES FROM (MINVALUE) TO (10)"))
                .isEqualTo("\"Day\" IS NOT NULL AND \"Day\" < 10");
        assertThat(BoundCheck.of("LIST (region)", "IN ('eu', 'us')"))
                .isEqualTo("region IS NOT NULL AND region IN ('eu', 'us')");
        assertThat(BoundCheck.of("LIST (region)", "IN ('eu', NULL)")).isNull();
        assertThat(BoundCheck.of("RANGE (a, b)", "FROM (1, 2) TO (3, 4)")).isNull();
        assertThat(BoundCheck.of("HASH (id)", "WITH (MODULUS 4, REMAINDER 0)")).isNull();
    }

    @Test
    void concurrentIndexKeepsTheStatementAndAddsWhatIsMissing() {
        assertThat(IndexStatements.concurrent("CREATE INDEX orders_idx ON orders (created_at)"))
                .isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_idx ON orders (created_at)");
        assertThat(IndexStatements.concurrent("create unique index concurrently \"Big \"\"Idx\"\"\" on s.t (a)"))
                .isEqualTo("create unique index concurrently IF NOT EXISTS \"Big \"\"Idx\"\"\" on s.t (a)");
        assertThat(IndexStatements.concurrent("CREATE INDEX IF NOT EXISTS i ON t (a)"))
                .isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)");
        assertThat(IndexStatements.concurrent("CREATE INDEX ON t (a)")).isEqualTo("CREATE INDEX CONCURRENTLY ON t (a)");
    }

    @Test
    void retargetKeepsColumnsMethodAndPredicate() {
        assertThat(IndexStatements.retarget("CREATE INDEX m_v_idx ON m USING brin (v) WHERE v > 0", "m_1_v_idx",
                new dev.migrationagent.sql.QualifiedName("s", "m_1"), false))
                .isEqualTo("CREATE INDEX m_v_idx ON s.m_1 USING brin (v) WHERE v > 0".replace("m_v_idx", "m_1_v_idx"));
        assertThat(IndexStatements.retarget("create index if not exists \"I\" on public.\"M\" (v)", "I",
                new dev.migrationagent.sql.QualifiedName("public", "M"), true))
                .isEqualTo("create index if not exists \"I\" on ONLY public.\"M\" (v)");
    }

    @Test
    void derivedNamesStayWithin63BytesAndKeepTheirSuffix() {
        String base = "ü".repeat(40);
        String name = Sql.derived(base, "_not_null");
        assertThat(name).endsWith("_not_null");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(Sql.derived("orders_status", "_not_null")).isEqualTo("orders_status_not_null");
    }

    @Test
    void stepFileNamesFollowFlywayNaming() {
        Step step = Step.of("create index \"Ünï\" on x", "why", StepKind.CONCURRENT, java.util.List.of("SELECT 1"),
                java.util.List.of(), 1);
        assertThat(StepFiles.name("V5_2", 3, step)).isEqualTo("V5_2_3__create_index_n_on_x");
        assertThat(StepFiles.undo("V5_2_3__create_index")).isEqualTo("U5_2_3__create_index");
    }

    @Test
    void timeoutsSuitTheKindOfStep() {
        Step catalog = Step.of("a", "w", StepKind.CATALOG, java.util.List.of("ALTER TABLE t ADD COLUMN c int"),
                java.util.List.of(), 1);
        assertThat(StepScript.forward(catalog)).startsWith("SET LOCAL lock_timeout = '2s'",
                "SET LOCAL statement_timeout = '30s'");
        Step concurrent = Step.of("b", "w", StepKind.CONCURRENT, java.util.List.of("CREATE INDEX CONCURRENTLY i ON t (c)"),
                java.util.List.of(), 1);
        // A lock_timeout would cancel the build while it waits for old snapshots and leave an INVALID index.
        assertThat(StepScript.forward(concurrent)).containsExactly("SET lock_timeout = '0'",
                "SET statement_timeout = '4h'", "CREATE INDEX CONCURRENTLY i ON t (c)", "RESET lock_timeout",
                "RESET statement_timeout");
    }

    @Test
    void badPlanSettingsNameTheParameter() {
        AnalysisRequest a = AnalysisRequest.builder(Path.of(".")).build();
        assertThatThrownBy(() -> new PlanRequest(a, Path.of("p"), 0, Duration.ZERO, Map.of(), true))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new PlanRequest(a, Path.of("p"), 10, Duration.ofMillis(-1), Map.of(), true))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("batchPause");
        assertThatThrownBy(() -> new PlanRequest(a, Path.of("p"), 10, Duration.ZERO, Map.of("region", "'x'"), true))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("backfill");
    }
}
