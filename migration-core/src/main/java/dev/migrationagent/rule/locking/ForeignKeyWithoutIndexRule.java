package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.schema.Index;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;

/** A foreign key on an existing table without an index on its columns: parent deletes scan this table. */
public final class ForeignKeyWithoutIndexRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("foreign-key-without-index", Category.BLOCKING_LOCK,
            Severity.INFO, "A foreign key without an index on its columns makes parent deletes scan the table");

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
            if (!(a instanceof AlterAction.AddConstraint ac) || ac.constraint().kind()
                    != ConstraintDef.Kind.FOREIGN_KEY || ac.constraint().columns().isEmpty()) {
                continue;
            }
            String first = ac.constraint().columns().get(0);
            boolean indexed = ctx.model().indexesOn(table).stream().map(Index::columns)
                    .anyMatch(cols -> !cols.isEmpty() && cols.get(0).equals(first));
            if (!indexed) {
                String cols = String.join(", ", ac.constraint().columns().stream().map(QualifiedName::quote).toList());
                out.report("No index on " + table.display() + " (" + cols + "): every DELETE or key UPDATE on "
                        + ac.constraint().references().display() + " scans " + RuleSupport.describe(ctx, table)
                        + " to check the foreign key, holding row locks meanwhile.",
                        "Create the index CONCURRENTLY in its own script before (or right after) adding the key:\n"
                        + "CREATE INDEX CONCURRENTLY IF NOT EXISTS "
                        + QualifiedName.quote(table.name() + "_" + String.join("_", ac.constraint().columns()) + "_idx")
                        + " ON " + table.toSql() + " (" + cols + ");");
            }
        }
    }
}
