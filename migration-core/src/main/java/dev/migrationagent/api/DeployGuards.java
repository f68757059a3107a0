package dev.migrationagent.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds a guarded deploy keeps. Defaults ({@link #DEFAULTS}) follow the seed article's 30 s budget and GitLab's
 * {@code with_lock_retries} shape (see {@code docs/deploy.md}).
 *
 * @param budget wall time for the whole deploy; when it runs out the running statement is cancelled, so the current
 *     transactional step rolls back, and no further step starts
 * @param lockTimeout {@code lock_timeout} of the first attempt; later attempts grow from it in GitLab's pattern
 * @param catalogStatementTimeout {@code statement_timeout} of catalog DDL (ALTER TABLE, CREATE TABLE, ...)
 * @param dataStatementTimeout {@code statement_timeout} of data statements (UPDATE, INSERT, DELETE, DO blocks)
 * @param longStatementTimeout {@code statement_timeout} of long, weakly locking steps (CREATE INDEX CONCURRENTLY,
 *     VALIDATE CONSTRAINT, REINDEX CONCURRENTLY); always also bounded by what is left of the budget
 * @param blockingThreshold how long another session may wait on the migration before the migration's statement is
 *     cancelled
 * @param monitorInterval how often the second connection looks for blocked and blocking sessions
 * @param deployLockWait how long a deploy waits for another one running against the same history table
 */
public record DeployGuards(Duration budget, Duration lockTimeout, Duration catalogStatementTimeout,
        Duration dataStatementTimeout, Duration longStatementTimeout, Duration blockingThreshold,
        Duration monitorInterval, Duration deployLockWait) {

    /** 30 s budget, 100 ms first lock timeout, 5 s catalog / 60 s data / 10 min long statements, 5 s blocking. */
    public static final DeployGuards DEFAULTS = new DeployGuards(Duration.ofSeconds(30), Duration.ofMillis(100),
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofSeconds(60));

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    public DeployGuards {
        positive("budget", budget);
        positive("lockTimeout", lockTimeout);
        positive("catalogStatementTimeout", catalogStatementTimeout);
        positive("dataStatementTimeout", dataStatementTimeout);
        positive("longStatementTimeout", longStatementTimeout);
        positive("blockingThreshold", blockingThreshold);
        positive("monitorInterval", monitorInterval);
        Objects.requireNonNull(deployLockWait, "deployLockWait");
        if (deployLockWait.isNegative()) {
            throw new InvalidConfigurationException("deployLockWait", deployLockWait.toString(),
                    "must be zero or more");
        }
    }

    // Zero would mean "no timeout" to PostgreSQL: exactly what a guard must never send.
    private static void positive(String parameter, Duration value) {
        Objects.requireNonNull(value, parameter);
        if (value.isZero() || value.isNegative()) {
            throw new InvalidConfigurationException(parameter, value.toMillis() + "ms", "must be more than zero");
        }
    }

    /**
     * Parses a duration as users write it: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601
     * ({@code PT30S}).
     *
     * @param parameter the setting's name, for the error
     * @throws InvalidConfigurationException when the text is not a duration
     */
    public static Duration parseDuration(String parameter, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms":
                        return Duration.ofMillis(n);
                    case "s":
                        return Duration.ofSeconds(n);
                    case "m":
                        return Duration.ofMinutes(n);
                    default:
                        return Duration.ofHours(n);
                }
            }
            return Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(parameter, String.valueOf(text),
                    "not a duration; write e.g. 500ms, 30s, 10m or 1h");
        }
    }

    /** A copy with another budget. */
    public DeployGuards withBudget(Duration value) {
        return new DeployGuards(value, lockTimeout, catalogStatementTimeout, dataStatementTimeout,
                longStatementTimeout, blockingThreshold, monitorInterval, deployLockWait);
    }

    /** A copy with another first lock timeout. */
    public DeployGuards withLockTimeout(Duration value) {
        return new DeployGuards(budget, value, catalogStatementTimeout, dataStatementTimeout, longStatementTimeout,
                blockingThreshold, monitorInterval, deployLockWait);
    }

    /** A copy with other statement timeouts. */
    public DeployGuards withStatementTimeouts(Duration catalog, Duration data, Duration longSteps) {
        return new DeployGuards(budget, lockTimeout, catalog, data, longSteps, blockingThreshold, monitorInterval,
                deployLockWait);
    }

    /** A copy with another blocking threshold. */
    public DeployGuards withBlockingThreshold(Duration value) {
        return new DeployGuards(budget, lockTimeout, catalogStatementTimeout, dataStatementTimeout,
                longStatementTimeout, value, monitorInterval, deployLockWait);
    }

    /** A copy with another wait for a concurrent deploy. */
    public DeployGuards withDeployLockWait(Duration value) {
        return new DeployGuards(budget, lockTimeout, catalogStatementTimeout, dataStatementTimeout,
                longStatementTimeout, blockingThreshold, monitorInterval, value);
    }
}
