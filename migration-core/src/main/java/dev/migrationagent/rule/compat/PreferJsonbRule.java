package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A json column (rather than jsonb) has no equality operator, which breaks DISTINCT, GROUP BY and UNION. */
public final class PreferJsonbRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("prefer-jsonb", Category.BREAKING_CHANGE,
            Severity.INFO, "Use jsonb instead of json: json has no equality operator");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        List<ColumnDef> columns = new ArrayList<>();
        if (ctx.statement() instanceof Statement.CreateTable ct) {
            columns.addAll(ct.columns());
        }
        for (AlterAction a : RuleSupport.actions(ctx)) {
            if (a instanceof AlterAction.AddColumn ac) {
                columns.add(ac.column());
            } else if (a instanceof AlterAction.AlterColumnType act) {
                columns.add(new ColumnDef(act.column(), act.type(), false, null, false, null, List.of()));
            }
        }
        for (ColumnDef c : columns) {
            if (c.type().name().equals("json")) {
                out.report("Column " + c.name() + " is json: queries with SELECT DISTINCT, GROUP BY or UNION over it "
                        + "fail (json has no equality operator), and every access re-parses the text.",
                        "Use jsonb.");
            }
        }
    }
}
