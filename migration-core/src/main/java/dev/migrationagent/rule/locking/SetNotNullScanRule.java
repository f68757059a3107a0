package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;

/** SET NOT NULL that has to scan the whole table under ACCESS EXCLUSIVE. */
public final class SetNotNullScanRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("set-not-null-scan", Category.BLOCKING_LOCK,
            Severity.ERROR, "SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated CHECK proves it");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName table = RuleSupport.largeAlteredTable(ctx);
        if (table == null) {
            return;
        }
        Table known = ctx.model().table(table);
        for (AlterAction.SetNotNull sn : RuleSupport.actions(ctx, AlterAction.SetNotNull.class)) {
            boolean proven = ctx.pg() >= 12 && known != null
                    && known.constraints().stream().anyMatch(k -> k.provesNotNull(sn.column()));
            if (proven) {
                continue;
            }
            Double seconds = ctx.lockSeconds(table);
            String col = QualifiedName.quote(sn.column());
            String check = QualifiedName.quote(table.name() + "_" + sn.column() + "_not_null");
            String t = table.toSql();
            if (ctx.pg() < 12) {
                out.report("SET NOT NULL on " + RuleSupport.describe(ctx, table) + " scans every row under ACCESS "
                        + "EXCLUSIVE (" + RuleSupport.duration(seconds) + "): " + RuleSupport.pg(ctx) + " cannot use a "
                        + "CHECK constraint to skip the scan (that arrived in PostgreSQL 12).",
                        "On PostgreSQL " + ctx.pg() + " keep the column nullable and enforce it with a validated "
                        + "CHECK (" + col + " IS NOT NULL) constraint, or upgrade to 12+ where SET NOT NULL uses it.",
                        seconds);
            } else {
                out.report("SET NOT NULL on " + RuleSupport.describe(ctx, table) + " scans every row under ACCESS "
                        + "EXCLUSIVE to prove there is no NULL (" + RuleSupport.duration(seconds) + "): reads and "
                        + "writes wait, and it fails if a NULL exists.",
                        "Prove NOT NULL with a constraint first; PostgreSQL 12+ then skips the scan:\n"
                        + "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID;\n"
                        + "-- next migration (SHARE UPDATE EXCLUSIVE; reads and writes continue):\n"
                        + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n"
                        + "-- next migration:\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN " + col + " SET NOT NULL;\n"
                        + "ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";", seconds);
            }
        }
    }
}
