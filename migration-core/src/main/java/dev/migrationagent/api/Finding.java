package dev.migrationagent.api;

import java.util.Objects;

/**
 * One hazard found in one statement.
 *
 * @param ruleId stable kebab-case rule id
 * @param category hazard category
 * @param severity configured severity
 * @param script script path relative to the project base directory, with forward slashes
 * @param line 1-based line of the statement start
 * @param column 1-based column of the statement start
 * @param statement the statement text (trimmed, possibly abbreviated)
 * @param message what is dangerous and why, on this server version and table size
 * @param fix the safe alternative, usually with SQL
 * @param lockSeconds estimated seconds a blocking lock is held, or {@code null} when not applicable
 * @param evidence whether the facts were inferred, traced or counted on the target
 * @param suppression the reason given in a {@code migration:ignore} comment, or {@code null}
 */
public record Finding(
        String ruleId,
        Category category,
        Severity severity,
        String script,
        int line,
        int column,
        String statement,
        String message,
        String fix,
        Double lockSeconds,
        Evidence evidence,
        String suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(evidence, "evidence");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** True when a {@code migration:ignore} comment silenced this finding. */
    public boolean suppressed() {
        return suppression != null;
    }

    /** {@code script:line:column}, the way compilers print positions. */
    public String position() {
        return script + ":" + line + ":" + column;
    }
}
