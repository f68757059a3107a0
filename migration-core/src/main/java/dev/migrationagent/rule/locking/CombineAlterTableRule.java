package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.LockMode;
import dev.migrationagent.rule.TransactionState;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.sql.QualifiedName;

/** Several ALTER TABLE statements on one table in one transaction take the lock (and any scan) several times. */
public final class CombineAlterTableRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("combine-alter-table", Category.BLOCKING_LOCK,
            Severity.INFO, "Several ALTER TABLE statements on one table should be one statement");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.existingAlteredTable(ctx);
        if (table == null || !ctx.inTransaction()) {
            return;
        }
        TransactionState.HeldLock held = ctx.transaction().strongestOn(SchemaModel.resolve(table));
        if (held != null && held.mode() == LockMode.ACCESS_EXCLUSIVE) {
            out.report("This is another ALTER TABLE on " + table.display() + " in the same transaction (the first is at "
                    + "line " + held.line() + "): each statement queues for the lock again, and each scan or rewrite "
                    + "passes over the table again, while the first lock is already blocking everyone.",
                    "Combine the actions into one statement, which takes the lock once and makes one pass:\n"
                    + "ALTER TABLE " + table.toSql() + " <action>, <action>;");
        }
    }
}
