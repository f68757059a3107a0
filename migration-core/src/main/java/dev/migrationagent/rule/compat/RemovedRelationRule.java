package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** DROP TABLE / VIEW / MATERIALIZED VIEW of a relation that clients may still query. */
public final class RemovedRelationRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("removed-relation", Category.BREAKING_CHANGE,
            Severity.ERROR, "Dropping a table or view breaks clients that still query it");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.Drop d) || !(d.kind() == ObjectKind.TABLE
                || d.kind() == ObjectKind.VIEW || d.kind() == ObjectKind.MATERIALIZED_VIEW)) {
            return;
        }
        for (QualifiedName n : d.names()) {
            boolean exists = d.kind() == ObjectKind.TABLE ? ctx.model().table(n) != null : ctx.model().view(n) != null;
            boolean known = ctx.model().isAuthoritative();
            if (RuleSupport.existing(ctx, n) && (exists || !known)) {
                String kind = d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                out.report("Dropping " + kind + " " + n.display() + " breaks every service, job and report that "
                        + "still queries it, the moment the migration commits.",
                        "Contract in steps: stop all reads and writes of " + n.display() + " and deploy that first; "
                        + "check nobody uses it (pg_stat_user_tables, query logs); then drop it in a later release"
                        + (d.kind() == ObjectKind.TABLE ? ", keeping a backup copy of its rows." : "."));
            }
        }
    }
}
