package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.Statement;

/** ALTER TYPE ... RENAME VALUE: clients that still send or compare the old label break. */
public final class RenameEnumValueRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("rename-enum-value", Category.BREAKING_CHANGE,
            Severity.ERROR, "Renaming an enum value breaks clients that still use the old label");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.AlterType at
                && at.action() == Statement.AlterType.Action.RENAME_VALUE && !ctx.isNew(at.type())) {
            out.report("Renaming enum value '" + at.label() + "' of " + at.type().display() + " to '" + at.newLabel()
                    + "' changes it for every existing row at once: clients that still write or compare '"
                    + at.label() + "' get errors or silently match nothing.",
                    "Add the new value (ALTER TYPE ... ADD VALUE), make clients accept both, migrate rows in "
                    + "batches, then stop using the old value; enum values cannot be dropped, so consider a lookup "
                    + "table instead.");
        }
    }
}
