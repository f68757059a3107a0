package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;

/** A foreign key added and validated at once, blocking writes on both tables during the validation. */
public final class RequireNotValidForeignKeyRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-not-valid-foreign-key",
            Category.BLOCKING_LOCK, Severity.ERROR,
            "Adding a foreign key without NOT VALID blocks writes on both tables while every row is checked");

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
        for (AlterAction.AddConstraint ac : RuleSupport.actions(ctx, AlterAction.AddConstraint.class)) {
            ConstraintDef k = ac.constraint();
            if (k.kind() != ConstraintDef.Kind.FOREIGN_KEY || k.notValid()) {
                continue;
            }
            Double seconds = ctx.lockSeconds(table);
            String name = k.name() == null ? "<constraint_name>" : QualifiedName.quote(k.name());
            String cols = String.join(", ", k.columns().stream().map(QualifiedName::quote).toList());
            String refCols = k.referencedColumns().isEmpty() ? ""
                    : " (" + String.join(", ", k.referencedColumns().stream().map(QualifiedName::quote).toList()) + ")";
            out.report("ADD FOREIGN KEY on " + RuleSupport.describe(ctx, table) + " takes SHARE ROW EXCLUSIVE on "
                    + table.display() + " and on " + k.references().display() + " while it checks every existing row ("
                    + RuleSupport.duration(seconds) + "): writes to both tables wait, and it fails on orphan rows.",
                    "Add the foreign key NOT VALID (brief locks; new rows are checked), then VALIDATE it in a later "
                    + "migration (SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the referenced one):\n"
                    + "ALTER TABLE " + table.toSql() + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + cols
                    + ") REFERENCES " + k.references().toSql() + refCols + " NOT VALID;\n"
                    + "-- next migration:\nALTER TABLE " + table.toSql() + " VALIDATE CONSTRAINT " + name + ";",
                    seconds);
        }
    }
}
