package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;
import java.time.Duration;

/**
 * The kinds of statement a deploy gives different timeouts: a catalog change must be brief, because it holds a
 * strong lock for its whole run; a concurrent build may take minutes, because it blocks no reads or writes.
 */
enum StepKind {
    /** DDL that holds a strong lock for its run: short statement timeout, retried lock timeouts. */
    CATALOG("catalog"),
    /** Data changes (INSERT, UPDATE, DELETE, DO blocks): row locks, medium statement timeout. */
    DATA("data"),
    /** VALIDATE CONSTRAINT, ANALYZE, REFRESH ... CONCURRENTLY: weak locks held for a scan, long statement timeout. */
    LONG("long"),
    /**
     * CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH ... CONCURRENTLY: they wait for old snapshots
     * and count that wait against lock_timeout, and a timeout leaves an INVALID index; their queued SHARE UPDATE
     * EXCLUSIVE request blocks no reads or writes, so their lock timeout is their (finite) statement timeout.
     */
    CONCURRENT("concurrent");

    private final String id;

    StepKind(String id) {
        this.id = id;
    }

    /** The name reports use. */
    String id() {
        return id;
    }

    /** The statement timeout of this kind under {@code guards}. */
    Duration statementTimeout(DeployGuards guards) {
        switch (this) {
            case CATALOG:
                return guards.catalogStatementTimeout();
            case DATA:
                return guards.dataStatementTimeout();
            default:
                return guards.longStatementTimeout();
        }
    }

    /** The lock timeout of an attempt whose retry schedule gives {@code attemptLockTimeout}. */
    Duration lockTimeout(DeployGuards guards, Duration attemptLockTimeout) {
        return this == CONCURRENT ? statementTimeout(guards) : attemptLockTimeout;
    }

    /** Classifies a parsed statement. */
    static StepKind of(Statement s) {
        if (s instanceof Statement.CreateIndex ci) {
            return ci.concurrently() ? CONCURRENT : CATALOG;
        }
        if (s instanceof Statement.Drop d) {
            return d.concurrently() ? CONCURRENT : CATALOG;
        }
        if (s instanceof Statement.Reindex r) {
            return r.concurrently() ? CONCURRENT : CATALOG;
        }
        if (s instanceof Statement.RefreshMaterializedView r) {
            return r.concurrently() ? LONG : CATALOG;
        }
        if (s instanceof Statement.Analyze || s instanceof Statement.Vacuum v && !v.full()) {
            return LONG;
        }
        if (s instanceof Statement.Insert || s instanceof Statement.Update || s instanceof Statement.Delete
                || s instanceof Statement.DoBlock) {
            return DATA;
        }
        if (s instanceof Statement.AlterTable at && !at.actions().isEmpty()) {
            if (at.actions().stream().allMatch(a -> a instanceof AlterAction.DetachPartition d && d.concurrently())) {
                return CONCURRENT;
            }
            if (at.actions().stream().allMatch(a -> a instanceof AlterAction.ValidateConstraint)) {
                return LONG;
            }
        }
        return CATALOG;
    }
}
