package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.TraceError;

/** The statement failed on the shadow because of the rows it met (SQLSTATE class 22 or 23). */
public final class TracedFailsOnExistingDataRule implements TracedRule {
    private static final RuleDescriptor D = RuleDescriptor.of("traced-fails-on-existing-data",
            Category.FAILS_ON_EXISTING_DATA, Severity.ERROR,
            "The statement failed on the shadow database because of existing rows");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        if (t == null || t.status() != StatementTrace.Status.FAILED || !t.error().isDataError()) {
            return;
        }
        TraceError e = t.error();
        out.report("Traced on a PostgreSQL " + ctx.pg() + " shadow: existing rows make the statement fail with "
                + "SQLSTATE " + e.sqlState() + ": " + e.message() + ". The migration stops here"
                + (ctx.inTransaction() ? " and its transaction rolls back." : "."),
                "Find and fix the offending rows first (a read-only count of the rows that violate the new rule), "
                + "or add the constraint NOT VALID and validate it after cleaning the data.");
    }
}
