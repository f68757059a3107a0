package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.TraceError;

/** A statement of a non-transactional script fails when the script runs a second time. */
public final class NotIdempotentRule implements TracedRule {
    private static final RuleDescriptor D = RuleDescriptor.of("not-idempotent", Category.TRANSACTION_HAZARD,
            Severity.WARNING, "A non-transactional script fails when re-run after a partial failure");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        if (t == null || t.validation().rerunError() == null) {
            return;
        }
        TraceError e = t.validation().rerunError();
        out.report("Traced on a PostgreSQL " + ctx.pg() + " shadow: the script runs outside a transaction, so a "
                + "failure half-way is not rolled back and the fix is to run it again; run a second time, this "
                + "statement failed with SQLSTATE " + e.sqlState() + ": " + e.message() + ".", fix(ctx.statement()));
    }

    private static String fix(Statement s) {
        if (s instanceof Statement.CreateIndex) {
            return "Write CREATE INDEX CONCURRENTLY IF NOT EXISTS; a failed concurrent build leaves an INVALID index "
                    + "of that name, so drop it first (DROP INDEX CONCURRENTLY IF EXISTS) when it is invalid.";
        }
        if (s instanceof Statement.Drop) {
            return "Write DROP ... IF EXISTS.";
        }
        if (s instanceof Statement.AlterTable) {
            return "Use the IF [NOT] EXISTS forms (ADD COLUMN IF NOT EXISTS, DROP COLUMN IF EXISTS, ...); for "
                    + "changes without one, guard them with a check of the catalog.";
        }
        if (s instanceof Statement.CreateTable || s instanceof Statement.CreateSequence
                || s instanceof Statement.CreateSchema || s instanceof Statement.CreateExtension) {
            return "Write CREATE ... IF NOT EXISTS.";
        }
        return "Make the statement safe to run twice: the IF [NOT] EXISTS form, CREATE OR REPLACE, or a guard "
                + "(ON CONFLICT DO NOTHING, WHERE NOT EXISTS) for data.";
    }
}
