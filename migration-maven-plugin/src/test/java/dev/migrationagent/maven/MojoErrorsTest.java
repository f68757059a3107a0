package dev.migrationagent.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.api.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class MojoErrorsTest {

    @Test
    void configurationErrorNamesElementAndProperty() {
        MojoFailureException e = MojoErrors.configuration(new InvalidConfigurationException(
                "locations", "filesystem:/p/db/nope", "folder does not exist"));

        assertThat(e.getMessage())
                .contains("<locations>", "-Dmigration.locations", "/p/db/nope", "folder does not exist")
                .doesNotContain("\n");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void pomOnlyParameterHasNoProperty() {
        MojoFailureException e = MojoErrors.configuration(new InvalidConfigurationException("rules", "fatal", "bad"));
        assertThat(e.getMessage()).contains("<rules>").doesNotContain("-D");
    }

    @Test
    void inputErrorKeepsTheCoreMessage() {
        InvalidInputException input = new InvalidInputException(Path.of("db/V2__x.sql"), 3, 7, "unterminated string",
                null);
        assertThat(MojoErrors.map(input).getMessage()).isEqualTo(input.getMessage()).startsWith("db/V2__x.sql:3:7");
    }

    @Test
    void reportWriteFailureIsABuildErrorWithCause() {
        IOException io = new IOException("disk full");
        MojoExecutionException e = MojoErrors.reportsNotWritten(Path.of("target/migration-agent"), io);
        assertThat(e.getMessage()).contains("target/migration-agent", "disk full");
        assertThat(e.getCause()).isSameAs(io);
    }

    @Test
    void unexpectedFailureIsABuildErrorWithCause() {
        IllegalStateException bug = new IllegalStateException("boom");
        MojoExecutionException e = MojoErrors.unexpected("check", bug);
        assertThat(e.getCause()).isSameAs(bug);
        assertThat(e.getMessage()).contains("IllegalStateException", "migration:check");
    }

    @Test
    void gateFailureListsEachFindingWithFixAndSuppressionSyntax() {
        Finding finding = new Finding("require-concurrent-index", Category.BLOCKING_LOCK, Severity.ERROR,
                "src/main/resources/db/migration/V2__orders_created_at.sql", 1, 1,
                "CREATE INDEX orders_created_at_idx ON orders (created_at)",
                "CREATE INDEX blocks writes to orders (50,000,000 rows) while it builds",
                "CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\n-- in its own script",
                120.0, Evidence.INFERRED, null);

        String message = MojoErrors.gateFailed(List.of(finding)).getMessage();

        assertThat(message)
                .contains("src/main/resources/db/migration/V2__orders_created_at.sql:1:1 [require-concurrent-index]"
                        + " CREATE INDEX blocks writes")
                .contains("  fix: CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);")
                .doesNotContain("in its own script")
                .contains("-- migration:ignore <rule-id> -- <reason>");
    }

    @Test
    void unreachableDatabaseIsABuildErrorOnOneLine() {
        DatabaseUnavailableException down = new DatabaseUnavailableException(
                "Cannot connect to jdbc:postgresql://db:5432/orders:\n  is the server running?", null);
        MojoExecutionException e = MojoErrors.databaseUnavailable(down, List.of());
        assertThat(e.getMessage()).isEqualTo("Cannot connect to jdbc:postgresql://db:5432/orders: is the server running?");
        assertThat(e.getCause()).as("Maven would print the driver's message too").isNull();
    }

    @Test
    void passwordErrorsNameElementAndPropertyButNotTheValue() {
        MojoFailureException e = MojoErrors.configuration(new InvalidConfigurationException(
                "password", "hunter2", "contains a line break"));
        assertThat(e.getMessage()).contains("<password>", "-Dmigration.password", "contains a line break")
                .doesNotContain("hunter2");
    }

    @Test
    void coreKeysOfTheTargetAndShadowNameTheirPomElements() {
        assertThat(MojoErrors.configuration(new InvalidConfigurationException("target", "jdbc:postgresql://db/nope",
                "the database does not exist")).getMessage()).contains("<url>", "-Dmigration.url");
        assertThat(MojoErrors.configuration(new InvalidConfigurationException("shadow.password", "********",
                "authentication failed")).getMessage()).contains("<shadowPassword>", "-Dmigration.shadowPassword");
        assertThat(MojoErrors.configuration(new InvalidConfigurationException("shadow.user", "scratch",
                "rejected")).getMessage()).contains("<shadowUser>", "-Dmigration.shadowUser");
    }

    @Test
    void failedDeployIsOneLineNamingTheStatementAndTheIncidentReport() {
        DeployResult.Incident incident = new DeployResult.Incident(DeployResult.Cause.STATEMENT_FAILED,
                "db/migration/V4__check.sql", 2, 1, "INSERT INTO accounts ...", "23505",
                "duplicate key value violates unique constraint \"accounts_pkey\"\n  Detail: Key (id)=(1) exists.",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("retry"));
        MojoFailureException e = MojoErrors.deployFailed(incident, Path.of("target/migration-agent/incident.md"));
        assertThat(e.getMessage()).startsWith("Deploy failed: db/migration/V4__check.sql:2:1: duplicate key")
                .contains("(SQLState 23505)", "statement_failed", "target/migration-agent/incident.md")
                .doesNotContain("\n");
    }

    @Test
    void refusedDeployListsTheFindingsAndTheOverrideNotTheGateSwitch() {
        Finding finding = new Finding("require-concurrent-index", Category.BLOCKING_LOCK, Severity.ERROR,
                "db/migration/V3__idx.sql", 1, 1, "CREATE INDEX orders_c_idx ON orders (c)",
                "CREATE INDEX blocks writes to orders while it builds", "CREATE INDEX CONCURRENTLY ...", 12.0,
                Evidence.INFERRED, null);
        String message = MojoErrors.deployRefused(List.of(finding)).getMessage();
        assertThat(message).startsWith("Deploy refused: 1 migration finding blocks the deploy:")
                .contains("db/migration/V3__idx.sql:1:1 [require-concurrent-index]", "-- migration:ignore",
                        "-Dmigration.override.reason=")
                .doesNotContain("failOnError");
    }

    @Test
    void badGuardDurationNamesTheDeployParameter() {
        InvalidConfigurationException bad = catchThrowableOfType(InvalidConfigurationException.class,
                () -> DeployGuards.parseDuration("budget", "soon"));
        assertThat(MojoErrors.configuration(bad).getMessage())
                .contains("<budget>", "-Dmigration.budget", "not a duration");
    }

    @Test
    void unverifiedPlansFailTheBuildNamingEachScriptItsReasonAndTheWayOut() {
        MojoFailureException e = MojoErrors.planNotVerified(List.of(
                new PlanResult.Script("db/V3__rename.sql", false, 2, 1, 3,
                        List.of("step 1 holds ACCESS EXCLUSIVE on orders", "second problem"), List.of())),
                Path.of("target/migration-agent/plan/plan.md"));
        assertThat(e.getMessage()).startsWith("1 plan is NOT verified on the shadow:")
                .contains("db/V3__rename.sql: step 1 holds ACCESS EXCLUSIVE on orders")
                .doesNotContain("second problem")
                .contains("target/migration-agent/plan/plan.md", "-Dmigration.plan.failOnUnverified=false");
        assertThat(e.getCause()).isNull();
    }
}
