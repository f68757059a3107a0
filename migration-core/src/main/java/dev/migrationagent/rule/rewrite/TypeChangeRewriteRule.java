package dev.migrationagent.rule.rewrite;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TypeChanges;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** ALTER COLUMN TYPE that is not binary-coercible: the table and all its indexes are rewritten. */
public final class TypeChangeRewriteRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("type-change-rewrite",
            java.util.List.of("changing-column-type"), Category.TABLE_REWRITE, Severity.ERROR,
            "Changing a column type that is not binary-coercible rewrites the table and its indexes");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.largeAlteredTable(ctx);
        if (table == null) {
            return;
        }
        Table t = ctx.model().table(table);
        for (AlterAction.AlterColumnType act : RuleSupport.actions(ctx, AlterAction.AlterColumnType.class)) {
            Column c = t == null ? null : t.column(act.column());
            boolean usingRewrites = act.using() != null && !act.using().trim().equalsIgnoreCase(act.column());
            if (c != null && !TypeChanges.rewrites(c.type(), act.type()) && !usingRewrites) {
                continue;
            }
            String col = QualifiedName.quote(act.column());
            String from = c == null ? "its current type" : c.type().text();
            String tmp = QualifiedName.quote(act.column() + "_new");
            out.report("Changing " + col + " of " + RuleSupport.describe(ctx, table) + " from " + from + " to "
                    + act.type().text() + " is not binary-coercible" + (usingRewrites ? " (USING expression)" : "")
                    + ": PostgreSQL rewrites every row and rebuilds every index of the table, needing up to twice its "
                    + "disk space.",
                    "Expand and contract instead: add a new column, keep it in sync with a trigger, backfill it in "
                    + "batches, switch readers and writers, then drop the old column in a later release:\n"
                    + "ALTER TABLE " + table.toSql() + " ADD COLUMN " + tmp + " " + act.type().text() + ";\n"
                    + "-- trigger: NEW." + tmp + " := NEW." + col + "::" + act.type().text() + ";\n"
                    + "-- backfill in batches, then in a later release swap the names and drop the old column.",
                    ctx.lockSeconds(table));
        }
    }
}
