package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.Statement;

/** ADD VALUE without BEFORE/AFTER appends the label, which changes ORDER BY results on the enum. */
public final class EnumValuePositionRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("enum-value-position", Category.BREAKING_CHANGE,
            Severity.INFO, "Adding an enum value without BEFORE or AFTER puts it last in the sort order");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.AlterType at && at.action() == Statement.AlterType.Action.ADD_VALUE
                && !at.positioned()) {
            out.report("'" + at.label() + "' is appended to " + at.type().display() + ": enums sort by position, so "
                    + "ORDER BY and comparisons (<, >) on the column place it after every existing value.",
                    "State the intended position: ADD VALUE '" + at.label() + "' BEFORE '...' or AFTER '...'.");
        }
    }
}
