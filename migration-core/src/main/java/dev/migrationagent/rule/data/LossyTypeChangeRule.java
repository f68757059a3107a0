package dev.migrationagent.rule.data;

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

/** Type changes that round or truncate stored values (numeric scale, float to int, timestamp to date). */
public final class LossyTypeChangeRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("lossy-type-change", Category.DATA_LOSS,
            Severity.ERROR, "A type change that rounds or truncates stored values loses data");

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
            if (c != null && TypeChanges.losesData(c.type(), act.type())) {
                out.report("Changing " + table.display() + "." + QualifiedName.quote(c.name()) + " from "
                        + c.type().text() + " to " + act.type().text() + " rounds or truncates every stored "
                        + "value; the lost precision cannot be recovered by a rollback.",
                        "Keep the old column (or a backup copy of its values) until the new one is verified; "
                        + "round explicitly in the application if that is the intent.");
            }
        }
    }
}
