package dev.migrationagent.rule;

/**
 * A rule that judges what the shadow database observed ({@link RuleContext#trace()}) rather than the SQL text; it
 * stays silent in a static analysis, and its findings carry {@link dev.migrationagent.api.Evidence#TRACED}.
 */
public interface TracedRule extends Rule {}
