package dev.migrationagent.api;

import java.util.List;
import java.util.Objects;

/**
 * What a guarded deploy (or dry run) did: the verdict it acted on, each pending migration with its guards and
 * attempts, and the incident when something failed.
 *
 * @param outcome how it ended
 * @param analysis the analysis of the pending migrations the deploy acted on
 * @param overrideReason the reason given for deploying despite an unsafe verdict, or {@code null}
 * @param guards the guards in force
 * @param target the target's location (URL without parameters) and user
 * @param steps each pending migration in order, with its statements' guards and the attempts made
 * @param incident what failed and how to recover, or {@code null} when nothing failed
 * @param elapsedMillis wall time of the deploy
 * @param plan for a dry run of an unsafe verdict, the safe plan written for the pending migrations; otherwise
 *     {@code null}
 */
public record DeployResult(Outcome outcome, Analysis analysis, String overrideReason, DeployGuards guards,
        String target, List<Step> steps, Incident incident, long elapsedMillis, PlanResult plan) {

    public DeployResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(guards, "guards");
        Objects.requireNonNull(target, "target");
        steps = List.copyOf(steps);
    }

    /** The same result with the plan a dry run wrote. */
    public DeployResult withPlan(PlanResult value) {
        return new DeployResult(outcome, analysis, overrideReason, guards, target, steps, incident, elapsedMillis,
                value);
    }

    /** How a deploy ended. */
    public enum Outcome {
        /** Every pending migration was applied. */
        APPLIED,
        /** Nothing was pending. */
        UP_TO_DATE,
        /** A dry run: nothing was written. */
        DRY_RUN,
        /** The analysis said unsafe and no override reason was given: nothing was written. */
        REFUSED,
        /** Another deploy held the target for longer than the wait allowed: nothing was written. */
        LOCKED_OUT,
        /** A step failed; the incident says what stays applied and how to recover. */
        FAILED;

        /** Whether the build or command should succeed. */
        public boolean ok() {
            return this == APPLIED || this == UP_TO_DATE || this == DRY_RUN;
        }
    }

    /** What became of a pending migration. */
    public enum StepStatus {
        /** Dry run: it would run. */
        WOULD_RUN,
        /** Applied and recorded in the history table. */
        APPLIED,
        /** Failed and rolled back as a whole (a transactional script). */
        ROLLED_BACK,
        /** Failed outside a transaction: statements before the failing one stay applied. */
        PARTIALLY_APPLIED,
        /** Not started, because an earlier step failed or the deploy was refused. */
        NOT_RUN
    }

    /**
     * One pending migration.
     *
     * @param script path relative to the project
     * @param version Flyway version, or {@code null} for a repeatable script
     * @param transactional whether Flyway runs it in one transaction
     * @param status what became of it
     * @param statements its statements with the guards each runs under
     * @param attempts the attempts made, in order (empty when not run)
     */
    public record Step(String script, String version, boolean transactional, StepStatus status,
            List<GuardedStatement> statements, List<Attempt> attempts) {
        public Step {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(status, "status");
            statements = List.copyOf(statements);
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One statement and its guards.
     *
     * @param line 1-based line in the script
     * @param column 1-based column
     * @param kind {@code catalog}, {@code data}, {@code long} or {@code concurrent}
     * @param text the statement's first line
     * @param lockTimeoutMillis {@code lock_timeout} of the first attempt
     * @param statementTimeoutMillis {@code statement_timeout} (further bounded by the budget left)
     */
    public record GuardedStatement(int line, int column, String kind, String text, long lockTimeoutMillis,
            long statementTimeoutMillis) {
        public GuardedStatement {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One try at a step.
     *
     * @param number 1-based
     * @param lockTimeoutMillis the lock timeout of this attempt (0 for steps whose lock timeout is their statement
     *     timeout)
     * @param durationMillis how long it ran
     * @param sqlState the failure's SQLState, or {@code null} when it succeeded
     * @param message the failure in one line, or {@code null}
     * @param sleepMillis the pause before the next attempt (0 for the last)
     */
    public record Attempt(int number, long lockTimeoutMillis, long durationMillis, String sqlState, String message,
            long sleepMillis) {}

    /** Why a deploy failed. */
    public enum Cause {
        /** A statement failed (syntax, constraint, missing object, ...). */
        STATEMENT_FAILED,
        /** Every lock attempt timed out. */
        LOCK_RETRIES_EXHAUSTED,
        /** The overall budget ran out. */
        BUDGET_EXHAUSTED,
        /** The migration blocked other sessions for longer than the threshold and was cancelled. */
        BLOCKED_OTHERS,
        /** A statement exceeded its statement timeout. */
        STATEMENT_TIMEOUT,
        /** The migration connection was lost (terminated, network). */
        CONNECTION_LOST,
        /** Flyway refused to start (validation failed, a failed migration in the history, ...). */
        FLYWAY_REFUSED
    }

    /**
     * A session seen by the monitor.
     *
     * @param pid backend pid
     * @param application its {@code application_name}
     * @param state its {@code state} ({@code active}, {@code idle in transaction}, ...)
     * @param waitedMillis how long it was seen waiting on (or blocking) the migration
     * @param query its current or last query, shortened
     */
    public record Session(int pid, String application, String state, long waitedMillis, String query) {}

    /**
     * One row of the history table after the deploy.
     *
     * @param rank installed rank
     * @param version version, or {@code null}
     * @param script script name
     * @param success whether Flyway recorded it as successful
     */
    public record HistoryRow(int rank, String version, String script, boolean success) {}

    /**
     * What failed, the state it left, and how to recover.
     *
     * @param cause why it failed
     * @param script the failing script, or {@code null} when no script was running
     * @param line line of the failing statement, or 0 when unknown
     * @param column column of the failing statement, or 0 when unknown
     * @param statement the failing statement's text, or {@code null}
     * @param sqlState SQLState, or {@code null}
     * @param message the database's (or Flyway's) message, one line
     * @param rolledBack what was rolled back
     * @param stillApplied what stays applied (steps of this deploy, partial non-transactional work)
     * @param history the history table after the failure
     * @param blockedBy sessions that held locks the migration waited for
     * @param blocked sessions that waited on the migration
     * @param cleanedUp invalid indexes dropped after a failed concurrent build
     * @param recovery manual steps to recover and retry, in order
     */
    public record Incident(Cause cause, String script, int line, int column, String statement, String sqlState,
            String message, List<String> rolledBack, List<String> stillApplied, List<HistoryRow> history,
            List<Session> blockedBy, List<Session> blocked, List<String> cleanedUp, List<String> recovery) {
        public Incident {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(message, "message");
            rolledBack = List.copyOf(rolledBack);
            stillApplied = List.copyOf(stillApplied);
            history = List.copyOf(history);
            blockedBy = List.copyOf(blockedBy);
            blocked = List.copyOf(blocked);
            cleanedUp = List.copyOf(cleanedUp);
            recovery = List.copyOf(recovery);
        }
    }
}
