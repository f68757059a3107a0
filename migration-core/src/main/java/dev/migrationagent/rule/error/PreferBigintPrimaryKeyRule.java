package dev.migrationagent.rule.error;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.Statement;
import java.util.Set;

/** An integer (int4) primary key on a new table runs out at 2,147,483,647 ids. */
public final class PreferBigintPrimaryKeyRule implements Rule {
    private static final Set<String> SMALL_INTEGERS = Set.of("int2", "int4", "serial", "smallserial");
    private static final RuleDescriptor D = RuleDescriptor.of("prefer-bigint-primary-key", Category.MIGRATION_ERROR,
            Severity.INFO, "An integer primary key overflows at 2.1 billion rows; use bigint");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.CreateTable ct)) {
            return;
        }
        for (ColumnDef c : ct.columns()) {
            boolean inlinePk = c.constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY);
            boolean tablePk = ct.constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                    && k.columns().equals(java.util.List.of(c.name())));
            if ((inlinePk || tablePk) && SMALL_INTEGERS.contains(c.type().name()) && !c.type().array()) {
                out.report("Primary key " + ct.table().display() + "." + c.name() + " is " + c.type().text()
                        + ": inserts start failing once ids pass 2,147,483,647 (32,767 for smallint), and widening "
                        + "it later rewrites the table and every index under ACCESS EXCLUSIVE.",
                        "Use bigint from the start (bigint GENERATED ALWAYS AS IDENTITY, or bigserial).");
            }
        }
    }
}
