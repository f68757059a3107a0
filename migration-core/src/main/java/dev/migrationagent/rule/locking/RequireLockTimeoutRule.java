package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.lock.LockMode;
import dev.migrationagent.lock.TableEffect;

/** A brief strong lock requested without lock_timeout: it queues behind long transactions and blocks everyone. */
public final class RequireLockTimeoutRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-lock-timeout", Category.BLOCKING_LOCK,
            Severity.WARNING, "Strong locks should be requested with a lock_timeout");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.lockTimeoutSet()) {
            return;
        }
        for (TableEffect e : ctx.effects()) {
            if (e.mode().compareTo(LockMode.SHARE) < 0 || e.work().proportional() || !RuleSupport.existing(ctx,
                    e.table()) || ctx.size(e.table()).kind() == dev.migrationagent.schema.TableSize.Kind.SMALL) {
                continue;
            }
            out.report("This statement needs " + e.mode().sql() + " on " + e.table().display() + " only briefly, but "
                    + "without lock_timeout it waits behind any long-running transaction on the table, and every "
                    + "query that arrives meanwhile (" + e.mode().blocks() + ") queues behind it.",
                    "Start the script with a short lock timeout and retry on SQLSTATE 55P03:\n"
                    + "SET lock_timeout = '3s';");
            return;
        }
    }
}
