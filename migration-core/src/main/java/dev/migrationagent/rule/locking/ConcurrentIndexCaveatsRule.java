package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.Statement;

/** What still goes wrong with CREATE INDEX CONCURRENTLY: unbounded waits, invalid leftovers, the 14.0-14.3 bug. */
public final class ConcurrentIndexCaveatsRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("concurrent-index-caveats", Category.BLOCKING_LOCK,
            Severity.INFO, "CREATE INDEX CONCURRENTLY waits for old transactions and can leave an INVALID index");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.CreateIndex ci) || !ci.concurrently()
                || !RuleSupport.existing(ctx, ci.table())) {
            return;
        }
        String bug = ctx.pg() == 14 ? " PostgreSQL 14.0 to 14.3 can silently corrupt indexes built CONCURRENTLY: "
                + "make sure the server runs 14.4 or later." : "";
        out.report("CREATE INDEX CONCURRENTLY does not block reads or writes, but it waits for every transaction "
                + "older than it in the whole database (an unbounded wait), and if it fails or is cancelled it leaves "
                + "an INVALID index that still slows writes." + bug,
                "Give it a generous statement_timeout and no short lock_timeout; afterwards check "
                + "SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid; and drop leftovers with "
                + "DROP INDEX CONCURRENTLY IF EXISTS before retrying.");
    }
}
