package dev.migrationagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.DeployResult.Outcome;
import dev.migrationagent.api.DeployResult.StepStatus;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ShadowSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarded deploy's normal paths on the embedded server: apply, dry run, refusal, override, up to date. */
class DeployerTest {
    static final String V1 = "CREATE TABLE accounts (id bigserial PRIMARY KEY, n int NOT NULL DEFAULT 0, note text);\n"
            + "INSERT INTO accounts (note) SELECT 'seed' FROM generate_series(1, 2000);\n";

    @TempDir
    Path dir;
    Scenario s;
    final List<String> log = new ArrayList<>();
    final Listener listener = (level, message) -> log.add(level + " " + message);

    @BeforeEach
    void setUp() throws Exception {
        s = Scenario.on(Scenario.Server.EMBEDDED, dir);
        s.script("V1__accounts.sql", V1);
    }

    @AfterEach
    void tearDown() throws Exception {
        s.close();
    }

    @Test
    void appliesPendingMigrationsSoFlywayInfoShowsThemApplied() throws Exception {
        s.script("V2__flag.sql", "ALTER TABLE accounts ADD COLUMN flag boolean;\n");
        s.script("V3__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_n_idx ON accounts (n);\n");
        s.script("V4__check.sql", "ALTER TABLE accounts ADD CONSTRAINT accounts_n_nonneg CHECK (n >= 0) NOT VALID;\n");
        s.script("V5__validate.sql", "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_n_nonneg;\n");

        DeployResult r = MigrationAgent.deploy(s.request(), listener);

        assertThat(r.outcome()).as(String.join("\n", log)).isEqualTo(Outcome.APPLIED);
        assertThat(r.steps()).extracting(DeployResult.Step::status).containsOnly(StepStatus.APPLIED);
        assertThat(r.steps().get(2).transactional()).isFalse();
        assertThat(r.steps().get(2).statements().get(0).kind()).isEqualTo("concurrent");
        assertThat(r.steps().get(4).statements().get(0).kind()).isEqualTo("long");
        assertThat(s.history()).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
        Flyway flyway = Flyway.configure().dataSource(s.url, s.user, "")
                .locations("filesystem:" + dir.resolve("db/migration")).load();
        MigrationInfo[] pending = flyway.info().pending();
        assertThat(pending).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();

        assertThat(MigrationAgent.deploy(s.request(), listener).outcome()).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void dryRunPlansWithGuardsAndWritesNothing() throws Exception {
        s.script("V2__flag.sql", "ALTER TABLE accounts ADD COLUMN flag boolean;\n");
        s.script("V3__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_n_idx ON accounts (n);\n");

        DeployResult r = MigrationAgent.deploy(s.request().withDryRun(true), listener);

        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.steps()).extracting(DeployResult.Step::script)
                .containsExactly("db/migration/V1__accounts.sql", "db/migration/V2__flag.sql",
                        "db/migration/V3__index.sql");
        DeployResult.GuardedStatement alter = r.steps().get(1).statements().get(0);
        assertThat(alter.kind()).isEqualTo("catalog");
        assertThat(alter.lockTimeoutMillis()).isEqualTo(100);
        assertThat(alter.statementTimeoutMillis()).isEqualTo(5000);
        assertThat(r.steps().get(2).statements().get(0).lockTimeoutMillis()).isEqualTo(20_000);
        assertThat(s.number("SELECT count(*) FROM pg_tables WHERE tablename IN ('accounts', 'flyway_schema_history')"))
                .isZero();
        assertThat(dev.migrationagent.report.DeployReports.console(r)).anySatisfy(l -> assertThat(l)
                .contains("line 1", "catalog", "lock_timeout    100 ms", "ALTER TABLE accounts ADD COLUMN flag"));
    }

    @Test
    void aDryRunOfAnUnsafeVerdictShowsTheSafePlanProvenOnTheShadow() throws Exception {
        MigrationAgent.deploy(s.request(), listener);
        s.script("V2__index.sql", "CREATE INDEX accounts_n_idx ON accounts (n);\n");
        DeployRequest dry = DeployRequest.of(s.analysis().shadow(new ShadowSetting.Embedded()).build())
                .withDryRun(true).withIncidentDirectory(dir.resolve("target/incident"));

        DeployResult r = MigrationAgent.deploy(dry, listener);

        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.analysis().safeToDeploy()).isFalse();
        assertThat(r.plan()).isNotNull();
        assertThat(r.plan().scripts()).singleElement().satisfies(p -> {
            assertThat(p.script()).isEqualTo("db/migration/V2__index.sql");
            assertThat(p.verified()).isTrue();
        });
        assertThat(dir.resolve("target/incident/plan/release-1/V2_1__create_index_accounts_n_idx_concurrently.sql"))
                .content().contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_n_idx ON accounts (n);");
        assertThat(dev.migrationagent.report.DeployReports.console(r)).contains(
                "The safe way to ship the unsafe migrations:");
        assertThat(dev.migrationagent.report.DeployReports.markdown(r)).contains("## The safe plan");
        assertThat(dev.migrationagent.report.DeployReports.json(r)).contains("\"plan\"", "\"verified\": true");
        // Still a dry run: the target keeps only V1.
        assertThat(s.history()).containsExactly("1:true");
        assertThat(s.number("SELECT count(*) FROM pg_indexes WHERE indexname = 'accounts_n_idx'")).isZero();
    }

    @Test
    void refusesAnUnsafeVerdictUnlessAReasonIsGiven() throws Exception {
        MigrationAgent.deploy(s.request(), listener);
        s.script("V2__drop.sql", "ALTER TABLE accounts DROP COLUMN note;\n");

        DeployResult refused = MigrationAgent.deploy(s.request(), listener);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(s.history()).containsExactly("1:true");

        DeployRequest overridden = s.request().withOverrideReason("note is unused since release 42 (TICKET-7)");
        DeployResult applied = MigrationAgent.deploy(overridden, listener);
        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(applied.overrideReason()).isEqualTo("note is unused since release 42 (TICKET-7)");
        assertThat(dev.migrationagent.report.DeployReports.markdown(applied)).contains("TICKET-7");
        assertThat(dev.migrationagent.report.DeployReports.json(applied)).contains("\"override_reason\": \"note is");
        assertThat(Files.exists(dir.resolve("target/incident/incident.md"))).isFalse();
    }
}
