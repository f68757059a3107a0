package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** RENAME COLUMN on a table that deployed code already uses. */
public final class RenamingColumnRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("renaming-column", Category.BREAKING_CHANGE,
            Severity.ERROR, "Renaming a column breaks code that still uses the old name");

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
        for (AlterAction.RenameColumn rc : RuleSupport.actions(ctx, AlterAction.RenameColumn.class)) {
            if (!ctx.isNewColumn(table, rc.from())) {
                String from = QualifiedName.quote(rc.from());
                String to = QualifiedName.quote(rc.to());
                out.report("Renaming " + table.display() + "." + from + " to " + to + " breaks every running "
                        + "service version, report and neighbour service that still reads or writes " + from
                        + ", the moment the migration commits.",
                        "Expand and contract: add " + to + ", keep both columns in sync with a trigger, backfill, "
                        + "move all readers and writers to " + to + ", and drop " + from + " in a later release. Or "
                        + "keep the database name and rename only in the application mapping:\n"
                        + "ALTER TABLE " + table.toSql() + " ADD COLUMN " + to + " <type>;\n"
                        + "-- sync trigger + batched backfill; DROP COLUMN " + from + " in a later release.");
            }
        }
    }
}
