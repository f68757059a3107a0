package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;

/** GRANT, REVOKE and row-level-security switches change who can read what. */
public final class PermissionChangeRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("permission-change", Category.BREAKING_CHANGE,
            Severity.INFO, "GRANT, REVOKE and row level security changes can break queries or open access");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        boolean rls = RuleSupport.actions(ctx).stream().anyMatch(a -> a instanceof AlterAction.Other o
                && o.keyword().contains("ROW LEVEL SECURITY"));
        if (ctx.statement() instanceof Statement.Grant g) {
            out.report((g.revoke() ? "REVOKE" : "GRANT") + " changes privileges: roles that lose access fail at "
                    + "once, and roles that gain it can read data they could not before.",
                    "Review the roles each service connects with before deploying.");
        } else if (rls) {
            out.report("Row level security changes which rows every query sees; enabling it without policies hides "
                    + "all rows from non-owner roles.",
                    "Create the policies first, and test with each application role.");
        }
    }
}
