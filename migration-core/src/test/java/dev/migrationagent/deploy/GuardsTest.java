package dev.migrationagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guard arithmetic without a database: kinds, timeouts, the retry schedule, durations. */
class GuardsTest {
    private static StepKind kind(String sql) {
        return StepKind.of(PostgresParser.parse(sql).statements().get(0).statement());
    }

    @Test
    void classifiesStatementsByHowLongTheyMayHoldWhichLock() {
        assertThat(kind("ALTER TABLE t ADD COLUMN c int")).isEqualTo(StepKind.CATALOG);
        assertThat(kind("CREATE INDEX i ON t (c)")).isEqualTo(StepKind.CATALOG);
        assertThat(kind("CREATE INDEX CONCURRENTLY i ON t (c)")).isEqualTo(StepKind.CONCURRENT);
        assertThat(kind("DROP INDEX CONCURRENTLY i")).isEqualTo(StepKind.CONCURRENT);
        assertThat(kind("ALTER TABLE t VALIDATE CONSTRAINT c")).isEqualTo(StepKind.LONG);
        assertThat(kind("UPDATE t SET c = 1 WHERE id < 100")).isEqualTo(StepKind.DATA);
    }

    @Test
    void statementTimeoutIsCutToTheBudgetLeftAndNeverZero() {
        DeployGuards g = DeployGuards.DEFAULTS;
        Duration first = Duration.ofMillis(100);
        assertThat(GuardCallback.timeouts(StepKind.CATALOG, g, first, Duration.ofSeconds(30).toNanos()))
                .isEqualTo(new GuardCallback.Timeouts(100, 5000));
        assertThat(GuardCallback.timeouts(StepKind.CONCURRENT, g, first, Duration.ofSeconds(30).toNanos()))
                .isEqualTo(new GuardCallback.Timeouts(30_000, 30_000));
        assertThat(GuardCallback.timeouts(StepKind.CATALOG, g, first, Duration.ofMillis(40).toNanos()))
                .isEqualTo(new GuardCallback.Timeouts(40, 40));
        assertThat(GuardCallback.timeouts(StepKind.DATA, g, first, -5)).isEqualTo(new GuardCallback.Timeouts(1, 1));
    }

    @Test
    void retriesFollowGitLabsShapeScaledToTheFirstTimeoutAndEnd() {
        LockRetries r = LockRetries.scaledTo(Duration.ofMillis(200));
        assertThat(r.size()).isEqualTo(41);
        assertThat(r.attempt(0)).isEqualTo(new LockRetries.Attempt(Duration.ofMillis(200), Duration.ofMillis(50)));
        assertThat(r.attempt(9).lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.attempt(10).sleep()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.attempt(41)).as("no final attempt without a lock timeout").isNull();
        assertThat(LockRetries.scaledTo(Duration.ofMillis(1)).attempt(0).lockTimeout()).isPositive();
    }

    @Test
    void parsesDurationsAsUsersWriteThem() {
        assertThat(DeployGuards.parseDuration("budget", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DeployGuards.parseDuration("budget", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeployGuards.parseDuration("budget", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DeployGuards.parseDuration("budget", "PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> DeployGuards.parseDuration("budget", "soon"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage(
                        "budget=soon: not a duration; write e.g. 500ms, 30s, 10m or 1h");
        assertThatThrownBy(() -> DeployGuards.DEFAULTS.withBudget(Duration.ZERO))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("budget=0ms");
    }
}
