package dev.migrationagent.rule;

/** A static check over one statement at a time; it reports findings and never throws for a violation. */
public interface Rule {
    /** The rule's metadata. */
    RuleDescriptor descriptor();

    /** Checks the statement in {@code ctx} and reports each hazard through {@code out}. */
    void check(RuleContext ctx, Reporter out);
}
