package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.Statement;

/** DROP ... CASCADE silently drops every dependent object. */
public final class DropCascadeRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("drop-cascade", Category.DATA_LOSS, Severity.WARNING,
            "DROP ... CASCADE also drops every dependent view, constraint and object");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.Drop d && d.cascade()) {
            out.report("CASCADE drops whatever depends on " + d.names().get(0).display() + " (views, foreign keys, "
                    + "defaults) without naming it in the migration.",
                    "Drop the dependent objects explicitly first, so the migration says what it removes.");
        }
    }
}
