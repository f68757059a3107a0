package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain. */
public final class DomainConstraintScanRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("domain-constraint-scan", Category.BLOCKING_LOCK,
            Severity.ERROR, "Adding a constraint to a domain scans every table that uses the domain");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.AlterDomain d) || !d.addsConstraint() || d.notValid()) {
            return;
        }
        for (QualifiedName t : ctx.model().tablesUsingType(d.domain())) {
            if (RuleSupport.matters(ctx, t)) {
                out.report("ALTER DOMAIN " + d.domain().display() + " ADD CONSTRAINT checks every row of every "
                        + "table with a column of that domain, including " + RuleSupport.describe(ctx, t)
                        + ", while holding locks that block writes to them.",
                        "Add the domain constraint NOT VALID (new values are checked at once), then run ALTER DOMAIN "
                        + "... VALIDATE CONSTRAINT in a later migration; or put a CHECK on the columns instead.");
                return;
            }
        }
    }
}
