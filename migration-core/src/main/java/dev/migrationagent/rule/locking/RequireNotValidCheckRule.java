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

/** A CHECK constraint added and validated at once, scanning the table under ACCESS EXCLUSIVE. */
public final class RequireNotValidCheckRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-not-valid-check", Category.BLOCKING_LOCK,
            Severity.ERROR, "Adding a CHECK constraint without NOT VALID scans the table under ACCESS EXCLUSIVE");

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
            if (ac.constraint().kind() == ConstraintDef.Kind.CHECK
                    && !ac.constraint().notValid()) {
                Double seconds = ctx.lockSeconds(table);
                String name = ac.constraint().name() == null ? "<constraint_name>"
                        : QualifiedName.quote(ac.constraint().name());
                out.report("ADD CONSTRAINT ... CHECK on " + RuleSupport.describe(ctx, table) + " holds ACCESS "
                        + "EXCLUSIVE while it checks every existing row (" + RuleSupport.duration(seconds)
                        + "): reads and writes wait, and the statement fails if any row violates the check.",
                        "Add the constraint NOT VALID (instant; new rows are checked from now on), then validate it "
                        + "in a later migration; VALIDATE CONSTRAINT takes only SHARE UPDATE EXCLUSIVE:\n"
                        + "ALTER TABLE " + table.toSql() + " ADD CONSTRAINT " + name + " CHECK ("
                        + ac.constraint().expression() + ") NOT VALID;\n"
                        + "-- next migration:\nALTER TABLE " + table.toSql() + " VALIDATE CONSTRAINT " + name + ";",
                        seconds);
            }
        }
    }
}
