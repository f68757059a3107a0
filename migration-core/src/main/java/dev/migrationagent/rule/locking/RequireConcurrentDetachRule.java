package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the whole partitioned table. */
public final class RequireConcurrentDetachRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-concurrent-detach", Category.BLOCKING_LOCK,
            Severity.WARNING, "DETACH PARTITION without CONCURRENTLY locks the whole partitioned table");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.alteredTable(ctx);
        for (AlterAction.DetachPartition dp : RuleSupport.actions(ctx, AlterAction.DetachPartition.class)) {
            if (!dp.concurrently() && RuleSupport.existing(ctx, table)) {
                out.report("DETACH PARTITION takes ACCESS EXCLUSIVE on " + table.display() + " and on "
                        + dp.partition().display() + ": every query on the partitioned table waits for it, and it "
                        + "waits for every running query.",
                        ctx.pg() >= 14 ? "Use DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+) in its own "
                        + "non-transactional script:\n" + RuleSupport.terminated(ctx.parsed().text()
                        .replaceFirst("\\s*;?\\s*$", "") + " CONCURRENTLY")
                        : "PostgreSQL " + ctx.pg() + " has no DETACH ... CONCURRENTLY: set a short lock_timeout and "
                        + "retry, in a quiet period.");
            }
        }
    }
}
