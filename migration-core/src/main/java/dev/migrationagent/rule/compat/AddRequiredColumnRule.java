package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.QualifiedName;

/** ADD COLUMN ... NOT NULL without a default: inserts written for the old schema fail. */
public final class AddRequiredColumnRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("add-required-column", Category.BREAKING_CHANGE,
            Severity.ERROR, "A new NOT NULL column without a default breaks inserts that do not know it");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.existingAlteredTable(ctx);
        if (table == null) {
            return;
        }
        for (AlterAction.AddColumn ac : RuleSupport.actions(ctx, AlterAction.AddColumn.class)) {
            ColumnDef c = ac.column();
            if (c.notNull() && c.defaultExpr() == null && !c.identity() && c.generatedExpr() == null) {
                String col = QualifiedName.quote(c.name());
                out.report("New column " + table.display() + "." + col + " is NOT NULL without a default: every "
                        + "INSERT written for the old schema omits it and fails with 23502, and the ALTER itself "
                        + "fails if the table has rows.",
                        "Add it nullable (or with a constant default, free since PostgreSQL 11), backfill, then add "
                        + "NOT NULL the safe way once every writer sets it:\nALTER TABLE " + table.toSql()
                        + " ADD COLUMN " + col + " " + c.type().text() + ";");
            }
        }
    }
}
