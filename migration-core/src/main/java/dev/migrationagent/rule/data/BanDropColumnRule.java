package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** DROP COLUMN destroys the column's values irreversibly. */
public final class BanDropColumnRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("ban-drop-column", Category.DATA_LOSS, Severity.ERROR,
            "Dropping a column destroys its values irreversibly");

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
            out.report("DROP COLUMN " + col + " on " + RuleSupport.describe(ctx, table) + " destroys its "
                    + "values in every row; a rollback can re-add the column but not its data.",
                    "Check the column is unused and empty, or keep its values first:\n"
                    + "SELECT count(*) FROM " + table.toSql() + " WHERE " + col + " IS NOT NULL;\n"
                    + "CREATE TABLE " + QualifiedName.quote(table.name() + "_" + dc.column() + "_backup")
                    + " AS SELECT <primary key>, " + col + " FROM " + table.toSql() + ";");
        }
    }
}
