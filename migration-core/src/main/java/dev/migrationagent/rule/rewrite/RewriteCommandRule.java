package dev.migrationagent.rule.rewrite;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.LockModel;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.lock.Work;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;

/**
 * Commands whose purpose is to rewrite a relation: CLUSTER, VACUUM FULL, REFRESH MATERIALIZED VIEW, SET TABLESPACE,
 * SET LOGGED/UNLOGGED, SET ACCESS METHOD and SET EXPRESSION.
 */
public final class RewriteCommandRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("rewrite-command", Category.TABLE_REWRITE,
            Severity.ERROR, "CLUSTER, VACUUM FULL, REFRESH MATERIALIZED VIEW and storage changes rewrite the table");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        String fix;
        String what;
        Statement s = ctx.statement();
        if (s instanceof Statement.Cluster) {
            what = "CLUSTER";
            fix = "Use pg_repack (online) instead, or run it in a maintenance window.";
        } else if (s instanceof Statement.Vacuum v && v.full()) {
            what = "VACUUM FULL";
            fix = "Use plain VACUUM (no exclusive lock) or pg_repack to reclaim space online.";
        } else if (s instanceof Statement.RefreshMaterializedView r && !r.concurrently()) {
            what = "REFRESH MATERIALIZED VIEW";
            fix = "Use REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view); readers keep "
                    + "reading the old contents meanwhile:\n" + RuleSupport.terminated(RuleSupport.insertAfter(
                    ctx.parsed().text(), "\\bVIEW\\b", " CONCURRENTLY"));
        } else {
            AlterAction.Other other = RuleSupport.actions(ctx).stream().filter(a -> a instanceof AlterAction.Other o
                    && LockModel.rewritesStorage(o.keyword())).map(a -> (AlterAction.Other) a).findFirst()
                    .orElse(null);
            if (other == null) {
                return;
            }
            what = other.keyword();
            fix = "Rewrite the table online with pg_repack or by copying into a new table with dual writes, or run "
                    + "it in a maintenance window.";
        }
        for (TableEffect e : ctx.effects()) {
            if (e.work() == Work.REWRITE && RuleSupport.matters(ctx, e.table())) {
                out.report(what + " rewrites " + RuleSupport.describe(ctx, e.table()) + " into new storage under "
                        + e.mode().sql() + ", copying every row and rebuilding every index.", fix,
                        ctx.lockSeconds(e.table()));
                return;
            }
        }
    }
}
