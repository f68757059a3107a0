package dev.migrationagent.rule.tx;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.rule.SlowWork;

/** Slow work batched into the transaction of a DDL statement that took a strong lock on the same table. */
public final class SlowWorkInDdlTransactionRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("slow-work-in-ddl-transaction",
            Category.TRANSACTION_HAZARD, Severity.ERROR,
            "Slow work in the same transaction as a DDL statement keeps the DDL's lock for its whole duration");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        SlowWork.Match m = SlowWork.find(ctx);
        if (m != null) {
            out.report("This statement does " + m.effect().work().description() + " on "
                    + RuleSupport.describe(ctx, m.effect().table()) + " in the same transaction as the statement at "
                    + "line " + m.held().line() + ", which took " + m.held().mode().sql() + "; locks are only released "
                    + "at commit.",
                    "One risky statement per transaction: split the script so the DDL commits on its own and the slow "
                    + "step runs in its own migration (batched, or CONCURRENTLY, outside a transaction).");
        }
    }
}
