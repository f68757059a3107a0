package dev.migrationagent.rule.error;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.simulate.Problem;

/** The statement fails on this schema and server version whatever the data. */
public final class MigrationFailsRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("migration-fails", Category.MIGRATION_ERROR,
            Severity.ERROR, "The statement fails on this schema or server version");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Problem p : ctx.problems()) {
            if (p.kind() == Problem.Kind.FAILS) {
                out.report("This statement fails on PostgreSQL " + ctx.pg() + " with this schema: " + p.message()
                        + " (SQLSTATE " + p.sqlState() + "). The migration stops here"
                        + (ctx.inTransaction() ? " and its transaction rolls back." : "."),
                        fixFor(p));
            }
        }
    }

    private static String fixFor(Problem p) {
        return switch (p.sqlState()) {
            case "42P01", "42703", "42704" -> "Check the object name (and schema); if it may legitimately be absent "
                    + "use IF EXISTS.";
            case "42P07", "42701", "42710", "42P06" -> "The object already exists: use IF NOT EXISTS, or a new name.";
            case "25001", "2D000" -> "Run the statement in its own script outside a transaction.";
            case "2BP01" -> "Drop or change the dependent objects explicitly first (or recreate them after).";
            case "0A000" -> "Drop the dependent view, change the column, then recreate the view.";
            case "42P16" -> "Views can only gain columns at the end: DROP VIEW and CREATE VIEW instead (and check "
                    + "its clients).";
            case "55P04" -> "Use the new enum value in a later migration.";
            default -> "Change the statement so it runs on the target server version and schema.";
        };
    }
}
