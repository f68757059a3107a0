package dev.migrationagent.maven;

/**
 * One {@code <rule>} element of the {@code <rules>} parameter: turns a rule off or changes its severity.
 *
 * <pre>{@code
 * <rules>
 *   <rule><id>ban-drop-column</id><severity>WARNING</severity></rule>
 *   <rule><id>require-concurrent-index</id><enabled>false</enabled></rule>
 * </rules>
 * }</pre>
 */
public class Rule {
    /** The rule id (or one of its former ids), e.g. {@code require-concurrent-index}. */
    private String id;

    /** {@code ERROR}, {@code WARNING} or {@code INFO}; unset keeps the rule's default. */
    private String severity;

    /** {@code false} turns the rule off; defaults to {@code true}. */
    private boolean enabled = true;

    /** Used by Maven, which fills the fields from the XML. */
    public Rule() {}

    Rule(String id, String severity, boolean enabled) {
        this.id = id;
        this.severity = severity;
        this.enabled = enabled;
    }

    String id() {
        return id;
    }

    String severity() {
        return severity;
    }

    boolean enabled() {
        return enabled;
    }
}
