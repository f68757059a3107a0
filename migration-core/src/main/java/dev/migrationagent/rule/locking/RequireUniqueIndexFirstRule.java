package dev.migrationagent.rule.locking;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * UNIQUE, PRIMARY KEY or EXCLUDE constraints that build their index while holding ACCESS EXCLUSIVE; the safe way
 * builds a unique index CONCURRENTLY first and attaches it with USING INDEX.
 */
public final class RequireUniqueIndexFirstRule implements Rule {
    private static final RuleDescriptor D = new RuleDescriptor("require-unique-index-first",
            List.of("disallowed-unique-constraint"), Category.BLOCKING_LOCK, Severity.ERROR,
            "UNIQUE, PRIMARY KEY and EXCLUDE constraints build their index under ACCESS EXCLUSIVE");

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
        List<ConstraintDef> added = new ArrayList<>();
        for (AlterAction a : RuleSupport.actions(ctx)) {
            if (a instanceof AlterAction.AddConstraint ac) {
                added.add(ac.constraint());
            } else if (a instanceof AlterAction.AddColumn ac) {
                // An inline UNIQUE or PRIMARY KEY on a new column still builds an index over every existing row.
                ac.column().constraints().stream().filter(k -> k.kind() == ConstraintDef.Kind.UNIQUE
                        || k.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                        .forEach(k -> added.add(k.onColumns(List.of(ac.column().name()))));
            }
        }
        for (ConstraintDef k : added) {
            Double seconds = ctx.lockSeconds(table);
            String name = k.name() == null ? QualifiedName.quote(table.name() + "_"
                    + String.join("_", k.columns()) + (k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "_pkey" : "_key"))
                    : QualifiedName.quote(k.name());
            String cols = String.join(", ", k.columns().stream().map(QualifiedName::quote).toList());
            String index = QualifiedName.quote((k.name() == null ? table.name() + "_" + String.join("_", k.columns())
                    : k.name()) + "_idx");
            if (k.kind() == ConstraintDef.Kind.EXCLUDE) {
                out.report("ADD CONSTRAINT ... EXCLUDE on " + RuleSupport.describe(ctx, table) + " builds its index "
                        + "under ACCESS EXCLUSIVE (" + RuleSupport.duration(seconds) + "): reads and writes wait. "
                        + "Exclusion constraints cannot be added NOT VALID or from an existing index.",
                        "There is no online way to add an exclusion constraint: add it when the table is created, or "
                        + "in a maintenance window with a short lock_timeout, or enforce the rule in a trigger.",
                        seconds);
            } else if ((k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                    && k.usingIndex() == null) {
                String what = k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
                String extra = k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                        ? " A primary key also makes its columns NOT NULL, which scans the table unless they already "
                        + "are NOT NULL." : "";
                out.report("ADD " + what + " on " + RuleSupport.describe(ctx, table) + " builds a unique index while "
                        + "holding ACCESS EXCLUSIVE (" + RuleSupport.duration(seconds) + "): reads and writes wait, "
                        + "and it fails if duplicates exist." + extra,
                        "Build the unique index CONCURRENTLY in its own non-transactional script, then attach it "
                        + "(a catalog-only change)" + (k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                        ? "; make the columns NOT NULL the safe way first (CHECK ... NOT VALID, VALIDATE, SET NOT NULL)"
                        : "") + ":\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " + table.toSql()
                        + " (" + cols + ");\n-- next migration:\nALTER TABLE " + table.toSql() + " ADD CONSTRAINT "
                        + name + " " + what + " USING INDEX " + index + ";", seconds);
            } else if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY && ctx.effects().stream()
                    .anyMatch(e -> e.work() == dev.migrationagent.lock.Work.SCAN)) {
                out.report("ADD PRIMARY KEY USING INDEX on " + RuleSupport.describe(ctx, table) + " must first make "
                        + "nullable key columns NOT NULL, which scans the table under ACCESS EXCLUSIVE ("
                        + RuleSupport.duration(seconds) + ").",
                        "Make the key columns NOT NULL first: ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, "
                        + "VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ skips the scan), then attach the "
                        + "primary key USING INDEX.", seconds);
            }
        }
    }
}
