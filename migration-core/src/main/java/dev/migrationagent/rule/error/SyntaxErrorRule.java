package dev.migrationagent.rule.error;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.sql.Statement;

/** A statement that does not parse. */
public final class SyntaxErrorRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("syntax-error", Category.MIGRATION_ERROR,
            Severity.ERROR, "The statement does not parse");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.statement() instanceof Statement.Invalid inv) {
            out.report("Syntax error at line " + inv.line() + ", column " + inv.column() + ": " + inv.message()
                    + ". PostgreSQL rejects the statement (42601) and the migration fails.",
                    "Fix the statement; check keywords for typos (e.g. DEFAULT, REFERENCES) and that strings and "
                    + "comments are closed.");
        }
    }
}
