package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.trace.StatementTrace;

/** After the script ran on the shadow, its schema is not the one its statements announce. */
public final class UnexpectedSchemaChangeRule implements TracedRule {
    private static final RuleDescriptor D = RuleDescriptor.of("unexpected-schema-change", Category.MIGRATION_ERROR,
            Severity.WARNING, "The shadow's schema after the script differs from what its statements announce");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        if (t == null || t.validation().schemaChanges().isEmpty()) {
            return;
        }
        out.report("Traced on a PostgreSQL " + ctx.pg() + " shadow, comparing its schema before and after the "
                + "script with what the statements announce: " + String.join("; ", t.validation().schemaChanges())
                + ". Something the statements do not show "
                + "(a trigger, a function, an event trigger, a CASCADE) changed the schema.",
                "Make the change explicit in the migration, or remove the hidden side effect; rules and reviewers "
                + "only see what the statements say.");
    }
}
