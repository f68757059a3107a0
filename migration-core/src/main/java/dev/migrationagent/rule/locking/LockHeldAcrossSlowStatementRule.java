package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.rule.SlowWork;
import dev.migrationagent.rule.TransactionState;

/**
 * A strong lock taken earlier in the same transaction stays held while this statement does slow work on the
 * table, so the earlier brief lock becomes a long one.
 */
public final class LockHeldAcrossSlowStatementRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("lock-held-across-slow-statement",
            Category.BLOCKING_LOCK, Severity.ERROR,
            "A strong lock from an earlier statement is held while a later statement does slow work");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        SlowWork.Match m = SlowWork.find(ctx);
        if (m == null) {
            return;
        }
        TransactionState.HeldLock held = m.held();
        TableEffect e = m.effect();
        Double seconds = ctx.estimate(e.work(), ctx.size(e.table()));
        out.report("The " + held.mode().sql() + " lock on " + RuleSupport.describe(ctx, e.table())
                + " taken at line " + held.line() + " is still held in this transaction while this statement does "
                + e.work().description() + " (" + RuleSupport.duration(seconds) + "): " + held.mode().blocks()
                + " on the table wait for all of it.",
                "Commit the quick DDL first: put the slow statement in its own migration (and batch it or make it "
                + "CONCURRENTLY), so the strong lock is released after milliseconds.", seconds);
    }
}
