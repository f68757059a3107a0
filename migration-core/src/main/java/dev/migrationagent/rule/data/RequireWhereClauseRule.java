package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** UPDATE or DELETE without WHERE on an existing table overwrites or deletes every row. */
public final class RequireWhereClauseRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("require-where-clause",
            java.util.List.of("update-without-where", "delete-without-where"), Category.DATA_LOSS, Severity.ERROR,
            "UPDATE or DELETE without WHERE overwrites or removes every row");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table;
        String verb;
        if (ctx.statement() instanceof Statement.Update u && u.where() == null) {
            table = u.table();
            verb = "UPDATE of " + String.join(", ", u.setColumns());
        } else if (ctx.statement() instanceof Statement.Delete d && d.where() == null) {
            table = d.table();
            verb = "DELETE";
        } else {
            return;
        }
        if (!RuleSupport.existing(ctx, table)) {
            return;
        }
        out.report(verb + " without WHERE changes every row of " + RuleSupport.describe(ctx, table)
                + ": the previous values are gone and a rollback script cannot restore them.",
                "Add a WHERE clause that selects exactly the rows to change (and only those that need it, e.g. "
                + "WHERE col IS NULL), or back up the affected values first.");
    }
}
