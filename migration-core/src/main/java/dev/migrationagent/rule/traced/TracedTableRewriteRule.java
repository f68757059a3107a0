package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.schema.TableSize;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.trace.Relation;
import dev.migrationagent.trace.StatementTrace;
import java.util.List;
import java.util.stream.Collectors;

/** The shadow saw the data file of an existing table that is not small replaced: the statement rewrote it. */
public final class TracedTableRewriteRule implements TracedRule {
    private static final RuleDescriptor D = RuleDescriptor.of("traced-table-rewrite", Category.TABLE_REWRITE,
            Severity.ERROR, "On the shadow database the statement rewrote an existing table that is not small");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        // TRUNCATE also swaps the data file, but it throws the rows away rather than copying them: ban-truncate's job.
        // A failed statement keeps rewrites only when the tracer probed it on emptied tables (it failed on rows).
        if (t == null || t.status() == StatementTrace.Status.NOT_RUN || ctx.statement() instanceof Statement.Truncate) {
            return;
        }
        for (Relation r : t.rewritten()) {
            if (!r.isTableLike()) {
                continue;
            }
            QualifiedName table = new QualifiedName(r.schema(), r.name());
            TableSize size = ctx.size(table);
            if (!size.matters()) {
                continue;
            }
            List<String> indexes = t.rewritten().stream()
                    .filter(i -> !i.isTableLike() && i.schema().equals(r.schema()) && i.table().equals(r.name()))
                    .map(Relation::name).sorted().toList();
            String locks = t.locksOn(r.schema(), r.name()).stream().map(l -> l.mode()).distinct().sorted()
                    .collect(Collectors.joining(", "));
            boolean failed = t.status() == StatementTrace.Status.FAILED;
            out.report("Traced on a PostgreSQL " + ctx.pg() + " shadow: this statement "
                    + (failed ? "(once its existing rows no longer make it fail) rewrites " : "rewrote ") + table.display()
                    + " (" + size.describe() + ")" + (indexes.isEmpty() ? "" : " and rebuilt its indexes "
                    + String.join(", ", indexes)) + "; every row is copied while "
                    + (locks.isEmpty() ? "the table is locked" : locks + " is held") + ".",
                    "Make the change without a rewrite: add a new column and backfill it in batches, use a "
                    + "binary-coercible type, or a constant default (PostgreSQL 11+); otherwise schedule it for a "
                    + "maintenance window.",
                    ctx.lockSeconds(table));
        }
    }
}
