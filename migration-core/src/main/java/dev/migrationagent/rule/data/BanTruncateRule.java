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

/** TRUNCATE empties tables irreversibly (and with CASCADE, every table that references them). */
public final class BanTruncateRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("ban-truncate", java.util.List.of(
            "ban-truncate-cascade"), Category.DATA_LOSS, Severity.ERROR, "TRUNCATE removes every row irreversibly");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.Truncate tr)) {
            return;
        }
        for (QualifiedName t : tr.tables()) {
            if (RuleSupport.existing(ctx, t)) {
                out.report("TRUNCATE removes every row of " + RuleSupport.describe(ctx, t) + " irreversibly"
                        + (tr.cascade() ? ", and CASCADE also empties every table with a foreign key to it" : "")
                        + "; it also takes ACCESS EXCLUSIVE and is not MVCC-safe for concurrent readers.",
                        "If the data is really disposable, empty the table from an operational job, not a schema "
                        + "migration; otherwise back it up first (CREATE TABLE ... AS TABLE ...).");
                return;
            }
        }
    }
}
