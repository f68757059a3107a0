package dev.migrationagent.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one statement did on the shadow.
 *
 * @param index 0-based position in its script
 * @param sql the statement text as run
 * @param status whether it ran, failed or was never reached
 * @param locksObserved false when the statement had to run outside any transaction, so its locks were gone before
 *     they could be read at its end
 * @param locksSampled true when such a statement's {@code locks} were instead sampled from a second session while it
 *     ran (every few milliseconds): a lock held only briefly may be missing
 * @param locks relation locks the backend held after the statement, before its transaction ended (including those
 *     of earlier statements of the same transaction)
 * @param acquired the subset of {@code locks} this statement added
 * @param rewritten existing tables, indexes and materialized views whose data file ({@code relfilenode}) changed;
 *     for a statement that failed on existing rows, what it rewrote when run again on emptied tables
 * @param invalidIndexes indexes the statement left invalid
 * @param created relations whose name did not exist before the statement and did after it
 * @param dropped relations whose name existed before the statement and did not after it
 * @param duration execution time
 * @param error the error, when {@code status} is {@link Status#FAILED}
 * @param validation what validating the script on the shadow attributed to this statement
 */
public record StatementTrace(int index, String sql, Status status, boolean locksObserved, boolean locksSampled,
        List<LockHeld> locks,
        List<LockHeld> acquired, List<Relation> rewritten, List<Relation> invalidIndexes, List<Relation> created,
        List<Relation> dropped, Duration duration, TraceError error, Validation validation) {
    /** Outcome of one statement. */
    public enum Status {
        /** Ran to completion. */
        OK,
        /** Raised an error. */
        FAILED,
        /** Not run because an earlier statement of the script failed, as on deploy. */
        NOT_RUN
    }

    public StatementTrace {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(status, "status");
        locks = List.copyOf(locks);
        acquired = List.copyOf(acquired);
        rewritten = List.copyOf(rewritten);
        invalidIndexes = List.copyOf(invalidIndexes);
        created = List.copyOf(created);
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(duration, "duration");
        validation = validation == null ? Validation.NONE : validation;
        if ((status == Status.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error goes with status FAILED and only with it");
        }
    }

    /** A statement that was never reached. */
    static StatementTrace notRun(int index, String sql) {
        return new StatementTrace(index, sql, Status.NOT_RUN, false, false, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Duration.ZERO, null, Validation.NONE);
    }

    /** A copy with other rewritten relations. */
    StatementTrace withRewritten(List<Relation> relations) {
        return new StatementTrace(index, sql, status, locksObserved, locksSampled, locks, acquired, relations,
                invalidIndexes, created, dropped, duration, error, validation);
    }

    /** A copy with another validation. */
    public StatementTrace withValidation(Validation v) {
        return new StatementTrace(index, sql, status, locksObserved, locksSampled, locks, acquired, rewritten,
                invalidIndexes, created, dropped, duration, error, v);
    }

    /** The locks held on relations of {@code schema.table} (the table or its indexes). */
    public List<LockHeld> locksOn(String schema, String table) {
        return locks.stream().filter(l -> l.relation().schema().equals(schema) && l.relation().table().equals(table))
                .toList();
    }
}
