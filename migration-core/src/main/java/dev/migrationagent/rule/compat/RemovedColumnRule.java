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

/** DROP COLUMN while deployed code may still read or write the column. */
public final class RemovedColumnRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("removed-column", Category.BREAKING_CHANGE,
            Severity.ERROR, "Dropping a column breaks code that still reads or writes it");

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
        for (AlterAction.DropColumn dc : RuleSupport.droppedExistingColumns(ctx, table)) {
            String col = QualifiedName.quote(dc.column());
            out.report("Dropping " + table.display() + "." + col + " breaks every running version that selects "
                    + "or inserts it (ORMs often list all columns), the moment the migration commits.",
                    "Contract in three releases: stop using " + col + " in the code and deploy; then drop the "
                    + "column in a later migration (after a backup if its data matters).");
        }
    }
}
