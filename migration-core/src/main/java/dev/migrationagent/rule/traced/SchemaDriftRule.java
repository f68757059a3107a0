package dev.migrationagent.rule.traced;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TracedRule;
import dev.migrationagent.trace.StatementTrace;
import java.util.List;

/** The target's schema differs from the one the applied migrations build on the shadow. */
public final class SchemaDriftRule implements TracedRule {
    // Enough to act on; a long list would bury the finding in a report.
    private static final int SHOWN = 20;
    private static final RuleDescriptor D = RuleDescriptor.of("schema-drift", Category.MIGRATION_ERROR,
            Severity.WARNING, "The target's schema differs from the one the applied migrations build");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        StatementTrace t = ctx.trace();
        if (t == null || t.validation().drift().isEmpty()) {
            return;
        }
        List<String> drift = t.validation().drift();
        String list = String.join("; ", drift.subList(0, Math.min(SHOWN, drift.size())))
                + (drift.size() > SHOWN ? "; and " + (drift.size() - SHOWN) + " more" : "");
        out.report("The target's schema has drifted from the applied migrations, so the reviewed ones were traced on "
                + "a schema the target does not have: " + list + ".",
                "Bring the drift into a migration (or undo it on the target) before deploying; until then the "
                + "analysis describes a database that does not exist.");
    }
}
