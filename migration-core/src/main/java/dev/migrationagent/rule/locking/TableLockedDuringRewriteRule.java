package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.lock.Work;

/**
 * The blocking side of every rewrite: ACCESS EXCLUSIVE held while the whole table is copied. The table-rewrite
 * rules explain why each statement rewrites and how to avoid it.
 */
public final class TableLockedDuringRewriteRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("table-locked-during-rewrite", Category.BLOCKING_LOCK,
            Severity.ERROR, "A table rewrite holds ACCESS EXCLUSIVE for its whole duration");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (TableEffect e : ctx.effects()) {
            if (e.work() != Work.REWRITE || !e.mode().blocksReads() || !RuleSupport.matters(ctx, e.table())) {
                continue;
            }
            Double seconds = ctx.lockSeconds(e.table());
            out.report("This statement rewrites " + RuleSupport.describe(ctx, e.table()) + " while holding ACCESS "
                    + "EXCLUSIVE (" + RuleSupport.duration(seconds) + "): every read and write of the table waits "
                    + "until the copy and its index rebuilds finish; lock_timeout does not shorten it once granted.",
                    "Avoid the rewrite (see the table-rewrite finding on this statement for the safe sequence), or "
                    + "run it in a maintenance window with SET lock_timeout and SET statement_timeout.", seconds);
            return;
        }
    }
}
