package dev.migrationagent.plan;

/**
 * What a plan step does to the database, which decides its timeouts and whether it may run in a transaction.
 *
 * <p>Timeouts follow the practice in the PostgreSQL lock notes: a short {@code lock_timeout} wherever a strong lock is
 * taken for catalog work only, so a step that would queue behind a long query gives up instead of blocking everyone
 * behind it; no {@code lock_timeout} for CONCURRENTLY builds, because their wait for old snapshots counts against it
 * and a timeout leaves an INVALID index; a finite {@code statement_timeout} everywhere.
 */
public enum StepKind {
    /** Catalog-only DDL under a strong but brief lock. */
    CATALOG(true, "2s", "30s"),
    /** CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY: no transaction. */
    CONCURRENT(false, "0", "4h"),
    /** VALIDATE CONSTRAINT: scans under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes. */
    VALIDATE(true, "5s", "4h"),
    /** Row changes in bounded batches, each committed on its own. */
    BATCHED(false, "2s", "0"),
    /** A statement that must run outside a transaction but is catalog work (ALTER TYPE ... ADD VALUE). */
    AUTOCOMMIT(false, "2s", "30s");

    private final boolean transactional;
    private final String lockTimeout;
    private final String statementTimeout;

    StepKind(boolean transactional, String lockTimeout, String statementTimeout) {
        this.transactional = transactional;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
    }

    /** Whether the step's script runs as one transaction. */
    public boolean transactional() {
        return transactional;
    }

    /** The {@code lock_timeout} the step's script sets; {@code 0} means none. */
    public String lockTimeout() {
        return lockTimeout;
    }

    /**
     * The {@code statement_timeout} the step's script sets. A batched step is one DO statement that commits per
     * batch, so a statement timeout would cancel it half-way: it relies on the per-batch {@code lock_timeout} and
     * on its progress being kept (each batch commits), so a rerun continues where it stopped.
     */
    public String statementTimeout() {
        return statementTimeout;
    }
}
