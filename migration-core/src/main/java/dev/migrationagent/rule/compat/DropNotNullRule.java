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

/** DROP NOT NULL lets NULLs reach readers that never expected them. */
public final class DropNotNullRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("drop-not-null", Category.BREAKING_CHANGE,
            Severity.INFO, "Dropping NOT NULL lets NULLs reach code that assumes a value");

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
        for (AlterAction.DropNotNull dn : RuleSupport.actions(ctx, AlterAction.DropNotNull.class)) {
            out.report(table.display() + "." + QualifiedName.quote(dn.column()) + " may hold NULL from now on; "
                    + "readers that assume a value (non-nullable fields in the application) may break when the "
                    + "first NULL arrives.",
                    "Make readers handle NULL before writers start writing it.");
        }
    }
}
