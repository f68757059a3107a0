package dev.migrationagent.rule.tx;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;

/** In a non-transactional script a failed run is not rolled back, so a retry must tolerate what already ran. */
public final class PreferRobustStatementsRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("prefer-robust-statements",
            Category.TRANSACTION_HAZARD, Severity.WARNING,
            "Statements in non-transactional scripts should be idempotent (IF [NOT] EXISTS)");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.inTransaction()) {
            return;
        }
        Statement s = ctx.statement();
        boolean fragile = (s instanceof Statement.CreateIndex ci && !ci.ifNotExists())
                || (s instanceof Statement.CreateTable ct && !ct.ifNotExists())
                || (s instanceof Statement.Drop d && !d.ifExists())
                || (s instanceof Statement.AlterTable at && at.actions().stream().anyMatch(a ->
                        (a instanceof AlterAction.AddColumn ac && !ac.ifNotExists())
                        || (a instanceof AlterAction.DropColumn dc && !dc.ifExists())));
        if (fragile) {
            out.report("This script runs without a transaction, so if a later statement fails this one stays applied "
                    + "and a retry fails on it (\"already exists\" / \"does not exist\").",
                    "Use IF NOT EXISTS / IF EXISTS so the script can be re-run; after a failed CREATE INDEX "
                    + "CONCURRENTLY also drop the INVALID index it left.");
        }
    }
}
