package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.Work;
import dev.migrationagent.rule.SlowWork;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** UPDATE or DELETE that touches every row of a large table in one statement, holding all row locks to the end. */
public final class BatchLargeUpdatesRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("batch-large-updates",
            java.util.List.of("unbounded-dml"), Category.BLOCKING_LOCK, Severity.ERROR,
            "An UPDATE or DELETE of every row locks all of them until the transaction ends");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table;
        String where;
        String verb;
        if (ctx.statement() instanceof Statement.Update u) {
            table = u.table();
            where = u.where();
            verb = "UPDATE";
        } else if (ctx.statement() instanceof Statement.Delete d) {
            table = d.table();
            where = d.where();
            verb = "DELETE";
        } else {
            return;
        }
        if (!RuleSupport.matters(ctx, table) || !SlowWork.touchesEveryRow(ctx, where)) {
            return;
        }
        Double seconds = ctx.estimate(Work.ROW_CHANGE, ctx.size(table));
        String reason = where == null ? "has no WHERE clause" : "only filters on a column added in this migration, "
                + "which is NULL in every row";
        out.report(verb + " on " + RuleSupport.describe(ctx, table) + " " + reason + ": it changes every row in one "
                + "statement and keeps all of them row-locked until the transaction commits ("
                + RuleSupport.duration(seconds) + "), so concurrent writers of those rows wait; it also bloats the "
                + "table and the WAL.",
                "Backfill in batches of a few thousand rows by primary-key range, each batch committed on its own, "
                + "from a non-transactional script or a job, for example:\n"
                + "DO $$\nDECLARE last_id bigint := 0; max_id bigint;\nBEGIN\n"
                + "  SELECT coalesce(max(id), 0) INTO max_id FROM " + table.toSql() + ";\n"
                + "  WHILE last_id < max_id LOOP\n"
                + "    -- " + verb + " ... WHERE id > last_id AND id <= last_id + 5000 (and the original condition);\n"
                + "    COMMIT;\n    last_id := last_id + 5000;\n  END LOOP;\nEND $$;", seconds);
    }
}
