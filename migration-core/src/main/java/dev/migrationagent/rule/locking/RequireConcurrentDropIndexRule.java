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

/** DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table, briefly. */
public final class RequireConcurrentDropIndexRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-concurrent-drop-index",
            Category.BLOCKING_LOCK, Severity.WARNING, "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.Drop d) || d.kind() != ObjectKind.INDEX || d.concurrently()) {
            return;
        }
        for (TableEffect e : ctx.effects()) {
            if (RuleSupport.matters(ctx, e.table())) {
                out.report("DROP INDEX takes ACCESS EXCLUSIVE on " + RuleSupport.describe(ctx, e.table()) + ": it is "
                        + "quick once granted, but it waits for every running query on the table and blocks all "
                        + "reads and writes that arrive meanwhile.",
                        "Use DROP INDEX CONCURRENTLY IF EXISTS in its own non-transactional script (not possible for "
                        + "indexes that back a constraint or live on a partitioned table):\n"
                        + RuleSupport.terminated(RuleSupport.insertAfter(ctx.parsed().text(), "\\bINDEX\\b",
                        d.ifExists() ? " CONCURRENTLY" : " CONCURRENTLY IF EXISTS")));
                return;
            }
        }
    }
}
