package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.Statement;

/** REINDEX without CONCURRENTLY on a table that is not small. */
public final class RequireConcurrentReindexRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-concurrent-reindex", Category.BLOCKING_LOCK,
            Severity.ERROR, "REINDEX without CONCURRENTLY blocks writes, and in practice reads, during the rebuild");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.Reindex r) || r.concurrently()) {
            return;
        }
        for (TableEffect e : ctx.effects()) {
            if (!RuleSupport.matters(ctx, e.table())) {
                continue;
            }
            Double seconds = ctx.lockSeconds(e.table());
            String message = "REINDEX rebuilds " + (r.target() == ObjectKind.INDEX ? "the index" : "every index")
                    + " of " + RuleSupport.describe(ctx, e.table()) + " holding SHARE on the table and ACCESS "
                    + "EXCLUSIVE on the index (" + RuleSupport.duration(seconds) + "): writes wait, and so do reads, "
                    + "because planning a query locks every index of the table.";
            String fix = ctx.pg() >= 12
                    ? "Use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in its own non-transactional script; a failed "
                    + "run leaves _ccnew/_ccold INVALID indexes to drop:\n"
                    + RuleSupport.terminated(RuleSupport.insertAfter(ctx.parsed().text(),
                            "\\b(INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)\\b", " CONCURRENTLY"))
                    : "PostgreSQL " + ctx.pg() + " has no REINDEX CONCURRENTLY: build a replacement with CREATE INDEX "
                    + "CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one.";
            out.report(message, fix, seconds);
            return;
        }
    }
}
