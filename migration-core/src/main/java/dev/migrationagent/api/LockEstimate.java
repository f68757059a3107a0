package dev.migrationagent.api;

import java.util.Objects;

/**
 * How long one reviewed statement blocks traffic.
 *
 * @param script script path, as in findings
 * @param line 1-based line of the statement
 * @param column 1-based column of the statement
 * @param seconds estimated seconds a blocking lock is held, or {@code null} when the table size is unknown or the
 *     statement only waits
 * @param unboundedWait the statement waits for other transactions (CONCURRENTLY forms) for as long as they run
 * @param reason what the estimate is made of, or why the wait has no bound
 */
public record LockEstimate(String script, int line, int column, Double seconds, boolean unboundedWait,
        String reason) {
    public LockEstimate {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(reason, "reason");
    }
}
