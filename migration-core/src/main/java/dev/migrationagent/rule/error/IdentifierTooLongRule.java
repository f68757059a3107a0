package dev.migrationagent.rule.error;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Names longer than 63 bytes are silently truncated, so two long names can collide. */
public final class IdentifierTooLongRule implements Rule {
    private static final int MAX_BYTES = 63;
    private static final RuleDescriptor D = RuleDescriptor.of("identifier-too-long", Category.MIGRATION_ERROR,
            Severity.WARNING, "Names longer than 63 bytes are silently truncated by PostgreSQL");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        List<String> names = new ArrayList<>();
        Statement s = ctx.statement();
        if (s instanceof Statement.CreateTable ct) {
            names.add(ct.table().name());
            ct.columns().forEach(c -> names.add(c.name()));
            ct.constraints().forEach(k -> addName(names, k));
            ct.columns().forEach(c -> c.constraints().forEach(k -> addName(names, k)));
        } else if (s instanceof Statement.CreateIndex ci && ci.name() != null) {
            names.add(ci.name());
        } else if (s instanceof Statement.CreateView cv) {
            names.add(cv.view().name());
        }
        for (AlterAction a : RuleSupport.actions(ctx)) {
            if (a instanceof AlterAction.AddColumn ac) {
                ColumnDef c = ac.column();
                names.add(c.name());
            } else if (a instanceof AlterAction.AddConstraint ac) {
                addName(names, ac.constraint());
            } else if (a instanceof AlterAction.RenameColumn rc) {
                names.add(rc.to());
            } else if (a instanceof AlterAction.RenameTable rt) {
                names.add(rt.to());
            }
        }
        for (String n : names) {
            int bytes = n.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                out.report("The name \"" + n + "\" is " + bytes + " bytes long; PostgreSQL truncates it to 63 bytes, "
                        + "so the object gets a different name than the migration says, and two long names with the "
                        + "same start collide (\"already exists\").",
                        "Use a name of at most 63 bytes (non-ASCII letters take 2 to 4 bytes each).");
            }
        }
    }

    private static void addName(List<String> names, ConstraintDef k) {
        if (k.name() != null) {
            names.add(k.name());
        }
    }
}
