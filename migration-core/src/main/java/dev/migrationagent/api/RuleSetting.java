package dev.migrationagent.api;

import java.util.Objects;

/**
 * A per-rule override from configuration.
 *
 * @param ruleId rule id or one of its former ids
 * @param severity the severity to use, or {@code null} to keep the default
 * @param enabled {@code false} turns the rule off
 */
public record RuleSetting(String ruleId, Severity severity, boolean enabled) {
    public RuleSetting {
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
