package dev.migrationagent.rule.tx;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.sql.Statement;

/** BEGIN, COMMIT or ROLLBACK inside a migration script fights the transaction Flyway manages. */
public final class TransactionControlRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("transaction-control-in-migration",
            java.util.List.of("transaction-nesting"), Category.TRANSACTION_HAZARD, Severity.ERROR,
            "BEGIN, COMMIT and ROLLBACK in a migration script break Flyway's transaction handling");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.Transaction t && t.endsOrStarts()) {
            out.report(t.keyword() + " inside a migration script: Flyway already wraps the script in a transaction "
                    + "(or runs it without one), so this commits or aborts part of the migration behind Flyway's back; "
                    + "a failure after it leaves the schema half-applied while the history says otherwise.",
                    "Remove the transaction control statements and split the script into separate migrations where "
                    + "separate transactions are needed.");
        }
    }
}
