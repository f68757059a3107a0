package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** DROP DEFAULT on a NOT NULL column: inserts that relied on the default fail. */
public final class DropDefaultReliedOnRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("drop-default-relied-on", Category.BREAKING_CHANGE,
            Severity.ERROR, "Dropping the default of a NOT NULL column breaks inserts that omit it");

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
        for (AlterAction.DropDefault dd : RuleSupport.actions(ctx, AlterAction.DropDefault.class)) {
            Column c = t.column(dd.column());
            if (c != null && c.notNull() && c.defaultExpr() != null && !ctx.isNewColumn(table, c.name())) {
                out.report(table.display() + "." + QualifiedName.quote(c.name()) + " is NOT NULL and its default ("
                        + c.defaultExpr().text() + ") is dropped: INSERTs that omit the column relied on the default "
                        + "and fail with 23502 from now on.",
                        "Make every writer set the column explicitly and deploy that first; drop the default in a "
                        + "later release.");
            }
        }
    }
}
