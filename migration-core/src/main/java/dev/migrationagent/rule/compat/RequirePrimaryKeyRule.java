package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.Statement;

/** A new table without a primary key cannot replicate UPDATE and DELETE logically. */
public final class RequirePrimaryKeyRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("require-primary-key", Category.BREAKING_CHANGE,
            Severity.INFO, "A new table without a primary key breaks logical replication of updates and deletes");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.CreateTable ct) || ct.temporary() || ct.asSelect()
                || ct.partitionOf() != null) {
            return;
        }
        boolean pk = ct.constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                || ct.columns().stream().anyMatch(c -> c.constraints().stream()
                        .anyMatch(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY));
        if (!pk) {
            out.report("Table " + ct.table().display() + " has no primary key: with logical replication (read "
                    + "replicas, CDC, blue-green upgrades) its UPDATEs and DELETEs fail (\"does not have a replica "
                    + "identity\"), and rows cannot be addressed safely by batched backfills.",
                    "Add a primary key when creating the table, e.g. id bigint GENERATED ALWAYS AS IDENTITY PRIMARY "
                    + "KEY; adding one later builds an index under ACCESS EXCLUSIVE.");
        }
    }
}
