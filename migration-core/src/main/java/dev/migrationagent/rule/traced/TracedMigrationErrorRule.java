package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.TraceError;

/** The statement failed when the shadow database ran it. */
public final class TracedMigrationErrorRule implements TracedRule {
    private static final RuleDescriptor D = RuleDescriptor.of("traced-migration-error", Category.MIGRATION_ERROR,
            Severity.ERROR, "The statement failed on the shadow database");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        // Errors raised by rows belong to traced-fails-on-existing-data: other rows may not raise them.
        if (t == null || t.status() != StatementTrace.Status.FAILED || t.error().isDataError()) {
            return;
        }
        TraceError e = t.error();
        out.report("Traced on a PostgreSQL " + ctx.pg() + " shadow: the statement failed with SQLSTATE "
                + e.sqlState() + ": " + e.message() + (e.position() == null ? "" : " (at character " + e.position()
                + " of the statement)") + ". The migration stops here"
                + (ctx.inTransaction() ? " and its transaction rolls back." : "."),
                "Fix the statement so it runs on this schema and server version; run it on a scratch copy of the "
                + "schema to confirm.");
    }
}
