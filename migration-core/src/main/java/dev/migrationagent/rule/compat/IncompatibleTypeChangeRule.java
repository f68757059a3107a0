package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TypeChanges;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** A type change to another family of types, or to a narrower type, breaks clients written for the old one. */
public final class IncompatibleTypeChangeRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("incompatible-type-change", Category.BREAKING_CHANGE,
            Severity.ERROR, "Changing a column to an incompatible or narrower type breaks its clients");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.existingAlteredTable(ctx);
        Table t = table == null ? null : ctx.model().table(table);
        if (t == null) {
            return;
        }
        for (AlterAction.AlterColumnType act : RuleSupport.actions(ctx, AlterAction.AlterColumnType.class)) {
            Column c = t.column(act.column());
            if (c == null || ctx.isNewColumn(table, c.name())) {
                continue;
            }
            String col = table.display() + "." + QualifiedName.quote(c.name());
            if (TypeChanges.narrows(c.type(), act.type())) {
                out.report(col + " narrows from " + c.type().text() + " to " + act.type().text() + ": writers that "
                        + "send values the new type rejects start failing, and the ALTER fails if existing rows hold "
                        + "such values.",
                        "Keep the wider type and enforce the new limit with a CHECK constraint added NOT VALID and "
                        + "validated later, after writers comply.");
            } else if (TypeChanges.changesFamily(c.type(), act.type())) {
                out.report(col + " changes from " + c.type().text() + " to " + act.type().text() + ", another family "
                        + "of types: clients that compare, sort, compute or bind parameters as " + c.type().text()
                        + " break.",
                        "Expand and contract: add a column of the new type, write both, backfill, move readers, and "
                        + "drop the old column in a later release.");
            }
        }
    }
}
