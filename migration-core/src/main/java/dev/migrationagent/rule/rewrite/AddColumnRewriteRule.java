package dev.migrationagent.rule.rewrite;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.LockModel;
import dev.migrationagent.lock.Volatility;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.QualifiedName;

/** ADD COLUMN forms that write every existing row: volatile defaults, identity, serial, stored generated columns. */
public final class AddColumnRewriteRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("add-column-rewrite",
            java.util.List.of("adding-field-with-default"), Category.TABLE_REWRITE, Severity.ERROR,
            "ADD COLUMN with a volatile default, identity, serial or stored generated value rewrites the table");

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
        for (AlterAction a : RuleSupport.actions(ctx)) {
            if (!(a instanceof AlterAction.AddColumn ac) || !LockModel.addColumnRewrites(ac.column(), ctx.model(),
                    ctx.pg())) {
                continue;
            }
            ColumnDef c = ac.column();
            String col = QualifiedName.quote(c.name());
            String t = table.toSql();
            String why;
            String fix;
            if (c.identity() || c.type().isSerial()) {
                why = "an identity/serial column draws a sequence value for every existing row";
                fix = "Add a plain nullable bigint column, attach a sequence default (ALTER COLUMN ... SET DEFAULT "
                        + "nextval(...)) so new rows get values, backfill existing rows in batches, then add NOT NULL "
                        + "the safe way (CHECK ... NOT VALID, VALIDATE, SET NOT NULL).";
            } else if (c.generatedExpr() != null) {
                why = "a STORED generated column is computed and written for every existing row";
                fix = "Add a plain nullable column, keep it up to date with a trigger (or in the application), "
                        + "backfill existing rows in batches:\nALTER TABLE " + t + " ADD COLUMN " + col + " "
                        + c.type().text() + ";";
            } else if (ctx.model().isConstrainedDomain(c.type().name())) {
                why = "the column's domain has constraints, so PostgreSQL rewrites the table to check them";
                fix = "Use the domain's base type and add the domain's CHECK as a table constraint NOT VALID, then "
                        + "VALIDATE it in a later migration.";
            } else if (ctx.pg() < 11) {
                why = RuleSupport.pg(ctx) + " writes any non-null default into every existing row (the fast default "
                        + "arrived in PostgreSQL 11)";
                fix = "On PostgreSQL " + ctx.pg() + ": add the column without a default, set the default for new "
                        + "rows, then backfill in batches:\nALTER TABLE " + t + " ADD COLUMN " + col + " "
                        + c.type().text() + ";\nALTER TABLE " + t + " ALTER COLUMN " + col + " SET DEFAULT "
                        + c.defaultExpr().text() + ";\n-- then backfill existing rows in batches and add NOT NULL "
                        + "the safe way if needed.";
            } else {
                why = "the default " + c.defaultExpr().text() + " calls the volatile "
                        + Volatility.volatileFunction(c.defaultExpr(), ctx.model())
                        + ", so every existing row needs its own value";
                fix = "Add the column without a default, then set the default for new rows, then backfill existing "
                        + "rows in batches:\nALTER TABLE " + t + " ADD COLUMN " + col + " " + c.type().text() + ";\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN " + col + " SET DEFAULT " + c.defaultExpr().text()
                        + ";\n-- then: UPDATE ... SET " + col + " = " + c.defaultExpr().text() + " WHERE " + col
                        + " IS NULL AND id BETWEEN ... (batches)";
            }
            out.report("Adding column " + col + " to " + RuleSupport.describe(ctx, table) + " rewrites the whole "
                    + "table: " + why + ". The rewrite needs up to twice the table's disk space and WAL for all of it.",
                    fix, ctx.lockSeconds(table));
        }
    }
}
