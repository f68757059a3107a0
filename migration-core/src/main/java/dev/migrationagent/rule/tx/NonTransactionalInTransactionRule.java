package dev.migrationagent.rule.tx;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.simulate.Problem;

/** Statements that cannot run inside a transaction block, in a script Flyway runs inside one. */
public final class NonTransactionalInTransactionRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("non-transactional-in-transaction",
            java.util.List.of("ban-concurrent-index-creation-in-transaction"), Category.TRANSACTION_HAZARD,
            Severity.ERROR, "CONCURRENTLY, VACUUM and similar statements cannot run inside a transaction block");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Problem p : ctx.problems()) {
            if (p.sqlState().equals("25001") || p.sqlState().equals("2D000")) {
                out.report("This script runs inside one transaction (Flyway's default), but " + p.message() + ".",
                        "Move the statement into a script of its own with no transactional statements: Flyway then "
                        + "runs it without a transaction. Where Flyway cannot tell, add <script>.sql.conf containing "
                        + "executeInTransaction=false. Make the statement idempotent (IF NOT EXISTS), since a failed "
                        + "non-transactional script is not rolled back.");
                return;
            }
        }
    }
}
