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
import dev.migrationagent.sql.Statement;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.Table;

/** VALIDATE CONSTRAINT and unique index builds fail if existing rows violate them: count the violators first. */
public final class CheckExistingRowsFirstRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("check-existing-rows-first",
            Category.FAILS_ON_EXISTING_DATA, Severity.WARNING,
            "Validating a constraint or building a unique index fails if existing rows violate it");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.CreateIndex ci && ci.unique() && RuleSupport.existing(ctx,
                ci.table())) {
            String cols = String.join(", ", ci.columns());
            out.report("The unique index on " + ci.table().display() + " (" + cols + ") fails if duplicates exist"
                    + (ci.concurrently() ? " and then leaves an INVALID index behind" : "") + ".",
                    "Run this read-only check against the target first; it must return no rows:\nSELECT " + cols
                    + ", count(*) FROM " + ci.table().toSql() + " GROUP BY " + cols + " HAVING count(*) > 1 LIMIT 10;");
            return;
        }
        QualifiedName table = RuleSupport.existingAlteredTable(ctx);
        if (table == null) {
            return;
        }
        Table t = ctx.model().table(table);
        for (AlterAction a : RuleSupport.actions(ctx)) {
            if (a instanceof AlterAction.ValidateConstraint vc) {
                Constraint k = t == null ? null : t.constraint(vc.name());
                String probe = k != null && k.expression() != null
                        ? "SELECT count(*) FROM " + table.toSql() + " WHERE NOT (" + k.expression() + ");"
                        : k != null && k.references() != null && k.columns().size() == 1
                        ? "SELECT count(*) FROM " + table.toSql() + " c WHERE c." + QualifiedName.quote(
                        k.columns().get(0)) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + k.references().toSql()
                        + " p WHERE p.<key> = c." + QualifiedName.quote(k.columns().get(0)) + ");"
                        : "-- count the rows that violate " + vc.name();
                out.report("VALIDATE CONSTRAINT " + QualifiedName.quote(vc.name()) + " fails if any existing row of "
                        + table.display() + " violates it.",
                        "Run this read-only check against the target first; it must return 0:\n" + probe);
            }
        }
    }
}
