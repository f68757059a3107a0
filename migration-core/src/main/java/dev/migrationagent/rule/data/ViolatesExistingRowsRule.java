package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.simulate.Problem;

/** The change fails on rows that already exist (NULLs, duplicates, orphans, values the new type rejects). */
public final class ViolatesExistingRowsRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("violates-existing-rows",
            Category.FAILS_ON_EXISTING_DATA, Severity.ERROR, "The change fails on rows that already exist");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Problem p : ctx.problems()) {
            if (p.kind() == Problem.Kind.EXISTING_DATA) {
                out.report("This statement fails on the existing rows: " + p.message() + " (SQLSTATE " + p.sqlState()
                        + "). The migration stops there.",
                        "Clean up or backfill the offending rows in an earlier migration (count them first with a "
                        + "read-only SELECT), or add the constraint NOT VALID so only new rows are checked.");
                return;
            }
        }
    }
}
