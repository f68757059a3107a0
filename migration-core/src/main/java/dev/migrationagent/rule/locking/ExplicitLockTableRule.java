package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.sql.Statement;

/** An explicit LOCK TABLE in a migration holds its lock until the transaction ends. */
public final class ExplicitLockTableRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("explicit-lock-table", Category.BLOCKING_LOCK,
            Severity.WARNING, "LOCK TABLE holds a strong lock until the migration's transaction ends");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.LockTable)) {
            return;
        }
        for (TableEffect e : ctx.effects()) {
            if ((e.mode().blocksWrites()) && RuleSupport.existing(ctx, e.table())) {
                out.report("LOCK TABLE " + e.table().display() + " IN " + e.mode().sql() + " MODE blocks "
                        + e.mode().blocks() + " on the table for the rest of the migration's transaction.",
                        "Remove the explicit lock, or keep everything after it in the same transaction catalog-only "
                        + "and set lock_timeout first.");
                return;
            }
        }
    }
}
