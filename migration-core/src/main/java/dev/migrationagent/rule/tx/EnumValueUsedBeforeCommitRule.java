package dev.migrationagent.rule.tx;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.simulate.Problem;

/** A new enum label used in the transaction that added it (55P04). */
public final class EnumValueUsedBeforeCommitRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("enum-value-used-before-commit",
            Category.TRANSACTION_HAZARD, Severity.ERROR,
            "A new enum value cannot be used in the transaction that added it");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Problem p : ctx.problems()) {
            if (p.sqlState().equals("55P04")) {
                out.report("The enum value is used in the same transaction that added it: " + p.message() + ".",
                        "Add the value in one migration and use it in a later one (ALTER TYPE ... ADD VALUE in its "
                        + "own script).");
                return;
            }
        }
    }
}
