package dev.migrationagent.rule;

/**
 * A rule that judges rows counted on the target database ({@link RuleContext#violations()}) rather than the SQL
 * text; it stays silent without a target, and its findings carry {@link dev.migrationagent.api.Evidence#COUNTED}.
 */
public interface TargetRule extends Rule {}
