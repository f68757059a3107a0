package dev.migrationagent.rule;

import dev.migrationagent.rule.compat.AddRequiredColumnRule;
import dev.migrationagent.rule.compat.DropDefaultReliedOnRule;
import dev.migrationagent.rule.compat.DropNotNullRule;
import dev.migrationagent.rule.compat.EnumValuePositionRule;
import dev.migrationagent.rule.compat.IncompatibleTypeChangeRule;
import dev.migrationagent.rule.compat.PermissionChangeRule;
import dev.migrationagent.rule.compat.PreferJsonbRule;
import dev.migrationagent.rule.compat.RemovedColumnRule;
import dev.migrationagent.rule.compat.RemovedRelationRule;
import dev.migrationagent.rule.compat.RenameEnumValueRule;
import dev.migrationagent.rule.compat.RenamingColumnRule;
import dev.migrationagent.rule.compat.RenamingTableRule;
import dev.migrationagent.rule.compat.RequirePrimaryKeyRule;
import dev.migrationagent.rule.data.BanDropColumnRule;
import dev.migrationagent.rule.data.BanDropTableRule;
import dev.migrationagent.rule.data.BanTruncateRule;
import dev.migrationagent.rule.data.CheckExistingRowsFirstRule;
import dev.migrationagent.rule.data.DropCascadeRule;
import dev.migrationagent.rule.data.LossyTypeChangeRule;
import dev.migrationagent.rule.data.RequireWhereClauseRule;
import dev.migrationagent.rule.data.TargetRowsViolateRule;
import dev.migrationagent.rule.data.ViolatesExistingRowsRule;
import dev.migrationagent.rule.error.IdentifierTooLongRule;
import dev.migrationagent.rule.error.MigrationFailsRule;
import dev.migrationagent.rule.error.PreferBigintPrimaryKeyRule;
import dev.migrationagent.rule.error.SyntaxErrorRule;
import dev.migrationagent.rule.locking.BatchLargeUpdatesRule;
import dev.migrationagent.rule.locking.CombineAlterTableRule;
import dev.migrationagent.rule.locking.ConcurrentIndexCaveatsRule;
import dev.migrationagent.rule.locking.DomainConstraintScanRule;
import dev.migrationagent.rule.locking.ExplicitLockTableRule;
import dev.migrationagent.rule.locking.ForeignKeyWithoutIndexRule;
import dev.migrationagent.rule.locking.LockHeldAcrossSlowStatementRule;
import dev.migrationagent.rule.locking.PartitionBoundScanRule;
import dev.migrationagent.rule.locking.RequireConcurrentDetachRule;
import dev.migrationagent.rule.locking.RequireConcurrentDropIndexRule;
import dev.migrationagent.rule.locking.RequireConcurrentIndexRule;
import dev.migrationagent.rule.locking.RequireConcurrentReindexRule;
import dev.migrationagent.rule.locking.RequireLockTimeoutRule;
import dev.migrationagent.rule.locking.RequireNotValidCheckRule;
import dev.migrationagent.rule.locking.RequireNotValidForeignKeyRule;
import dev.migrationagent.rule.locking.RequireUniqueIndexFirstRule;
import dev.migrationagent.rule.locking.SetNotNullScanRule;
import dev.migrationagent.rule.locking.TableLockedDuringRewriteRule;
import dev.migrationagent.rule.rewrite.AddColumnRewriteRule;
import dev.migrationagent.rule.rewrite.RewriteCommandRule;
import dev.migrationagent.rule.rewrite.TypeChangeRewriteRule;
import dev.migrationagent.rule.traced.TracedFailsOnExistingDataRule;
import dev.migrationagent.rule.traced.TracedMigrationErrorRule;
import dev.migrationagent.rule.traced.TracedTableRewriteRule;
import dev.migrationagent.rule.tx.EnumValueUsedBeforeCommitRule;
import dev.migrationagent.rule.tx.NonTransactionalInTransactionRule;
import dev.migrationagent.rule.tx.PreferRobustStatementsRule;
import dev.migrationagent.rule.tx.SlowWorkInDdlTransactionRule;
import dev.migrationagent.rule.tx.TransactionControlRule;
import java.util.List;

/** The explicit list of built-in PostgreSQL rules, sorted by id; a rule missing here does not exist. */
public final class BuiltInRules {
    private BuiltInRules() {}

    /** Every built-in rule, sorted by id. */
    public static List<Rule> all() {
        // keep-sorted start (by rule id)
        return List.of(
                new AddColumnRewriteRule(),
                new AddRequiredColumnRule(),
                new BanDropColumnRule(),
                new BanDropTableRule(),
                new BanTruncateRule(),
                new BatchLargeUpdatesRule(),
                new CheckExistingRowsFirstRule(),
                new CombineAlterTableRule(),
                new ConcurrentIndexCaveatsRule(),
                new DomainConstraintScanRule(),
                new DropCascadeRule(),
                new DropDefaultReliedOnRule(),
                new DropNotNullRule(),
                new EnumValuePositionRule(),
                new EnumValueUsedBeforeCommitRule(),
                new ExplicitLockTableRule(),
                new ForeignKeyWithoutIndexRule(),
                new IdentifierTooLongRule(),
                new IncompatibleTypeChangeRule(),
                new LockHeldAcrossSlowStatementRule(),
                new LossyTypeChangeRule(),
                new MigrationFailsRule(),
                new NonTransactionalInTransactionRule(),
                new PartitionBoundScanRule(),
                new PermissionChangeRule(),
                new PreferBigintPrimaryKeyRule(),
                new PreferJsonbRule(),
                new PreferRobustStatementsRule(),
                new RemovedColumnRule(),
                new RemovedRelationRule(),
                new RenameEnumValueRule(),
                new RenamingColumnRule(),
                new RenamingTableRule(),
                new RequireConcurrentDetachRule(),
                new RequireConcurrentDropIndexRule(),
                new RequireConcurrentIndexRule(),
                new RequireConcurrentReindexRule(),
                new RequireLockTimeoutRule(),
                new RequireNotValidCheckRule(),
                new RequireNotValidForeignKeyRule(),
                new RequirePrimaryKeyRule(),
                new RequireUniqueIndexFirstRule(),
                new RequireWhereClauseRule(),
                new RewriteCommandRule(),
                new SetNotNullScanRule(),
                new SlowWorkInDdlTransactionRule(),
                new SyntaxErrorRule(),
                new TableLockedDuringRewriteRule(),
                new TargetRowsViolateRule(),
                new TracedFailsOnExistingDataRule(),
                new TracedMigrationErrorRule(),
                new TracedTableRewriteRule(),
                new TransactionControlRule(),
                new TypeChangeRewriteRule(),
                new ViolatesExistingRowsRule());
        // keep-sorted end
    }
}
