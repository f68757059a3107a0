package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.IndexStatements;
import dev.migrationagent.sql.Statement;

/** CREATE INDEX without CONCURRENTLY on a table that exists and is not small. */
public final class RequireConcurrentIndexRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-concurrent-index", Category.BLOCKING_LOCK,
            Severity.ERROR, "CREATE INDEX without CONCURRENTLY blocks writes for the whole index build");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.CreateIndex ci) || ci.concurrently() || ci.only()
                || !RuleSupport.matters(ctx, ci.table())) {
            return;
        }
        Double seconds = ctx.lockSeconds(ci.table());
        Table t = ctx.model().table(ci.table());
        String message = "CREATE INDEX on " + RuleSupport.describe(ctx, ci.table()) + " holds a SHARE lock for the "
                + "whole index build (" + RuleSupport.duration(seconds) + "): every INSERT, UPDATE and DELETE on the "
                + "table waits until it finishes.";
        String fix;
        if (t != null && t.partitioned()) {
            fix = "A partitioned table cannot be indexed CONCURRENTLY. Create the parent index ON ONLY (instant, "
                    + "invalid), build each partition's index CONCURRENTLY in its own non-transactional script, then "
                    + "ALTER INDEX <parent_index> ATTACH PARTITION <partition_index> for each partition:\n"
                    + RuleSupport.terminated(RuleSupport.insertAfter(ctx.parsed().text(), "\\bON\\s+", "ONLY "));
        } else {
            String concurrent = IndexStatements.concurrent(ctx.parsed().text());
            fix = "Build the index CONCURRENTLY (SHARE UPDATE EXCLUSIVE: reads and writes continue) in its own "
                    + "migration script with no other statements, so Flyway runs it outside a transaction (or add "
                    + "<script>.sql.conf with executeInTransaction=false). If a build fails it leaves an INVALID "
                    + "index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.\n"
                    + RuleSupport.terminated(concurrent);
        }
        out.report(message, fix, seconds);
    }
}
