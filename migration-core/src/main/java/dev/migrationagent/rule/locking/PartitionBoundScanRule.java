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
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;

/** ATTACH PARTITION or CREATE TABLE ... PARTITION OF that must scan a large table to check the partition bound. */
public final class PartitionBoundScanRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("partition-bound-scan", Category.BLOCKING_LOCK,
            Severity.ERROR, "Attaching a partition scans it (and the default partition) under ACCESS EXCLUSIVE");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        boolean attaches = RuleSupport.actions(ctx).stream().anyMatch(a -> a instanceof AlterAction.AttachPartition)
                || (ctx.statement() instanceof Statement.CreateTable ct && ct.partitionOf() != null);
        if (!attaches) {
            return;
        }
        for (TableEffect e : ctx.effects()) {
            if (e.work() != Work.SCAN || !RuleSupport.matters(ctx, e.table())) {
                continue;
            }
            Double seconds = ctx.lockSeconds(e.table());
            out.report("Checking the partition bound scans " + RuleSupport.describe(ctx, e.table()) + " while "
                    + "holding ACCESS EXCLUSIVE on it (" + RuleSupport.duration(seconds) + "): reads and writes wait, "
                    + "and the statement fails if a row lies outside the bound.",
                    "Before attaching, add a CHECK constraint that matches the partition bound (ADD CONSTRAINT ... "
                    + "CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in another migration); ATTACH PARTITION then "
                    + "skips the scan, and the helper CHECK can be dropped afterwards. Avoid a DEFAULT partition on "
                    + "large partitioned tables: every new partition scans it.", seconds);
        }
    }
}
