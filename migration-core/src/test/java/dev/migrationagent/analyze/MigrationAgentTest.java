package dev.migrationagent.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.PerformanceImpact;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end behaviour of the facade on a small project with a Flyway history. */
class MigrationAgentTest {
    @TempDir
    Path project;
    Path dir;

    @BeforeEach
    void history() throws Exception {
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__init.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz);
                """);
        Files.writeString(project.resolve("stats.json"), """
                {"tables": [{"schema": "public", "name": "orders", "rows": 50000000, "bytes": 8000000000}]}
                """);
    }

    private AnalysisRequest.Builder request() {
        return AnalysisRequest.builder(project).scope(new ReviewScope.AfterVersion("1")).postgresVersion(16)
                .statsFile(Path.of("stats.json"));
    }

    @Test
    void dangerousMigrationIsUnsafeWithPositionRuleAndFix() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "-- speeds up the report\n\nCREATE INDEX orders_created_idx"
                + " ON orders (created_at);\n");
        Analysis a = MigrationAgent.analyze(request().build(), Listener.silent());
        assertThat(a.safeToDeploy()).isFalse();
        Finding f = a.activeFindings().stream().filter(x -> x.ruleId().equals("require-concurrent-index"))
                .findFirst().orElseThrow();
        assertThat(f.position()).isEqualTo("src/main/resources/db/migration/V2__index.sql:3:1");
        assertThat(f.message()).contains("~50,000,000 rows");
        assertThat(f.fix()).contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx");
        assertThat(f.lockSeconds()).isEqualTo(25.0);
        assertThat(a.lockDurationEstimateSeconds()).isEqualTo(25.0);
        assertThat(a.lockEstimates()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.seconds()).isEqualTo(25.0);
            assertThat(e.unboundedWait()).isFalse();
            assertThat(e.reason()).contains("SHARE on orders").contains("blocks writes");
        });
        assertThat(a.performanceImpact()).isEqualTo(PerformanceImpact.HIGH);
        assertThat(a.recommendedApproach()).contains("require-concurrent-index")
                .endsWith(" Run the plan goal (mvn migration:plan, or migration-agent plan) for a verified multi-step"
                        + " version with rollbacks: it writes target/migration-agent/plan/plan.md.");
        assertThat(a.scripts()).extracting(s -> s.reviewed()).containsExactly(false, true);
    }

    @Test
    void concurrentIndexAloneInItsScriptRunsOutsideATransactionAndIsSafe() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON orders (created_at);");
        Analysis a = MigrationAgent.analyze(request().build(), Listener.silent());
        assertThat(a.safeToDeploy()).isTrue();
        assertThat(a.recommendedApproach()).as("nothing to plan").doesNotContain("migration:plan");
        assertThat(a.scripts().get(1).transactional()).isFalse();
        assertThat(a.lockEstimates()).singleElement().satisfies(e -> {
            assertThat(e.unboundedWait()).isTrue();
            assertThat(e.seconds()).isNull();
            assertThat(e.reason()).startsWith("unbounded wait");
        });
        assertThat(a.rollbackComplexity()).isEqualTo(1);
    }

    @Test
    void mixedScriptStaysTransactionalSoTheConcurrentIndexFails() throws Exception {
        Files.writeString(dir.resolve("V2__mixed.sql"), """
                ALTER TABLE orders ADD COLUMN note text;
                CREATE INDEX CONCURRENTLY i ON orders (note);
                """);
        Analysis a = MigrationAgent.analyze(request().build(), Listener.silent());
        assertThat(a.activeFindings()).extracting(Finding::ruleId).contains("migration-fails",
                "non-transactional-in-transaction");
        assertThat(a.activeFindings()).extracting(Finding::category).contains(Category.MIGRATION_ERROR);
    }

    @Test
    void suppressionWithReasonSilencesTheFindingAndKeepsTheReason() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), """
                -- migration:ignore require-concurrent-index -- built during the nightly maintenance window
                CREATE INDEX orders_created_idx ON orders (created_at);
                """);
        Analysis a = MigrationAgent.analyze(request().build(), Listener.silent());
        assertThat(a.safeToDeploy()).isTrue();
        assertThat(a.findings()).filteredOn(Finding::suppressed).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("require-concurrent-index");
            assertThat(f.suppression()).isEqualTo("built during the nightly maintenance window");
        });
    }

    @Test
    void suppressionWithoutReasonIsAPositionedInputError() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "SELECT 1;\n  -- migration:ignore require-concurrent-index\n"
                + "CREATE INDEX i ON orders (created_at);\n");
        assertThatThrownBy(() -> MigrationAgent.analyze(request().build(), Listener.silent()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("V2__index.sql:2:6").hasMessageContaining("needs a reason");
        Files.writeString(dir.resolve("V2__index.sql"), "-- migration:ignore no-such-rule -- because\nSELECT 1;\n");
        assertThatThrownBy(() -> MigrationAgent.analyze(request().build(), Listener.silent()))
                .hasMessageContaining("unknown rule id 'no-such-rule'");
    }

    @Test
    void fileLevelSuppressionsLiveInTheHeaderAndProseMentionsAreNotDirectives() throws Exception {
        Files.writeString(dir.resolve("V2__drop.sql"), """
                -- migration:ignore-file ban-drop-table, removed-relation -- archive table, emptied in V1.5

                DROP TABLE orders;
                """);
        Analysis a = MigrationAgent.analyze(request().build(), Listener.silent());
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("ban-drop-table")).singleElement()
                .satisfies(f -> assertThat(f.suppression()).isEqualTo("archive table, emptied in V1.5"));
        Files.writeString(dir.resolve("V2__drop.sql"), """
                SELECT 1;
                -- migration:ignore-file ban-drop-table -- too late here
                DROP TABLE orders;
                """);
        assertThatThrownBy(() -> MigrationAgent.analyze(request().build(), Listener.silent()))
                .hasMessageContaining("V2__drop.sql:2:4").hasMessageContaining("must stand in the file header");
        Files.writeString(dir.resolve("V2__drop.sql"), """
                -- see docs: write migration:ignore <id> -- <reason> to accept a finding
                SELECT 1;
                """);
        assertThat(MigrationAgent.analyze(request().build(), Listener.silent()).safeToDeploy()).isTrue();
    }

    @Test
    void ruleSettingsChangeSeverityOrDisableAndUnknownIdsAreRejected() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX i ON orders (created_at);");
        Analysis warned = MigrationAgent.analyze(request().rule(new RuleSetting("require-concurrent-index",
                Severity.WARNING, true)).build(), Listener.silent());
        assertThat(warned.safeToDeploy()).isTrue();
        assertThat(warned.passes(true)).isFalse();
        Analysis off = MigrationAgent.analyze(request().rule(new RuleSetting("require-concurrent-index", null, false))
                .build(), Listener.silent());
        assertThat(off.findings()).extracting(Finding::ruleId).doesNotContain("require-concurrent-index");
        assertThatThrownBy(() -> MigrationAgent.analyze(request().rule(new RuleSetting("nope", null, false)).build(),
                Listener.silent())).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("rules"));
    }

    @Test
    void targetVersionChangesTheVerdict() throws Exception {
        Files.writeString(dir.resolve("V2__col.sql"), "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';");
        assertThat(MigrationAgent.analyze(request().build(), Listener.silent()).safeToDeploy()).isTrue();
        Analysis pg10 = MigrationAgent.analyze(request().postgresVersion(10).build(), Listener.silent());
        assertThat(pg10.safeToDeploy()).isFalse();
        assertThat(pg10.activeFindings()).extracting(Finding::ruleId).contains("add-column-rewrite",
                "table-locked-during-rewrite");
        assertThatThrownBy(() -> request().postgresVersion(9).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("postgresVersion"));
    }

    @Test
    void badStatsFileNamesTheFileAndPosition() throws Exception {
        Files.writeString(dir.resolve("V2__x.sql"), "SELECT 1;");
        Files.writeString(project.resolve("stats.json"), "{\"tables\": [\n  {\"name\": \"orders\", \"rows\": }\n]}");
        assertThatThrownBy(() -> MigrationAgent.analyze(request().build(), Listener.silent()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("stats.json:2:");
        Files.writeString(project.resolve("stats.json"), "{\"tables\": [{\"name\": \"orders\", \"rows\": \"many\"}]}");
        assertThatThrownBy(() -> MigrationAgent.analyze(request().build(), Listener.silent()))
                .hasMessageContaining("\"rows\" must be a whole number");
    }

    @Test
    void flywayBuiltInPlaceholdersAreFilledAndUnknownOnesWarnWithoutFalseErrors() throws Exception {
        Files.writeString(dir.resolve("V2__col.sql"), "SET lock_timeout = '3s';\n"
                + "ALTER TABLE ${flyway:defaultSchema}.orders ADD COLUMN note text;\n"
                + "ALTER TABLE ${tenant}.accounts ADD COLUMN note text;\n");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Analysis a = MigrationAgent.analyze(request().build(), (level, message) -> {
            if (level == Listener.Level.WARN) {
                warnings.add(message);
            }
        });
        assertThat(a.activeFindings()).extracting(Finding::ruleId).doesNotContain("syntax-error", "migration-fails");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("V2__col.sql").contains("placeholder"));
        Analysis withValue = MigrationAgent.analyze(request().placeholder("tenant", "public").build(),
                Listener.silent());
        assertThat(withValue.activeFindings()).extracting(Finding::ruleId).contains("migration-fails");
    }

    @Test
    void withoutStatsAnExistingTableCountsAsLarge() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX i ON orders (created_at);");
        Analysis a = MigrationAgent.analyze(request().statsFile(null).build(), Listener.silent());
        assertThat(a.safeToDeploy()).isFalse();
        assertThat(a.activeFindings().get(0).message()).contains("unknown size, treated as large");
    }
}
