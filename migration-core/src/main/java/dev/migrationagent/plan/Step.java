package dev.migrationagent.plan;

import java.util.List;
import java.util.Objects;

/**
 * One script of a plan, with its rollback.
 *
 * @param description a short lower-case summary, used in the file name and the summary
 * @param why the comment that explains the step in its script
 * @param kind what the step does, which decides its timeouts and transaction mode
 * @param release 1 for the release that ships the change (expand and backfill), 2 and later for contract steps
 *     that must wait until no deployed code uses the old shape
 * @param statements the forward statements, each a complete SQL statement without its terminating semicolon
 * @param rollback the statements that undo this step, in order; empty when the step changes no schema
 * @param rollbackTransactional whether the rollback runs as one transaction
 * @param irreversible {@code null}, or what is lost for good once the step ran: its rollback cannot restore it
 * @param undoLevel how hard the rollback is, on the scale of docs/rollback-complexity.md: 1 drops what the step
 *     added, 2 runs inverse catalog DDL, 3 changes a type back or cannot remove an enum value, 4 restores data from a
 *     backup copy, 5 cannot bring back what the step destroyed
 */
public record Step(String description, String why, StepKind kind, int release, List<String> statements,
        List<String> rollback, boolean rollbackTransactional, String irreversible, int undoLevel) {
    public Step {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(kind, "kind");
        statements = List.copyOf(statements);
        rollback = List.copyOf(rollback);
        if (release < 1) {
            throw new IllegalArgumentException("release is 1-based: " + release);
        }
        if (undoLevel < 1 || undoLevel > 5) {
            throw new IllegalArgumentException("undoLevel is 1..5: " + undoLevel);
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a step runs at least one statement");
        }
    }

    /** A reversible step in release 1 whose rollback is at {@code undoLevel}. */
    static Step of(String description, String why, StepKind kind, List<String> statements, List<String> rollback,
            int undoLevel) {
        return new Step(description, why, kind, 1, statements, rollback, true, null, undoLevel);
    }

    /** The same step with a rollback that must run outside a transaction. */
    Step rollbackOutsideTransaction() {
        return new Step(description, why, kind, release, statements, rollback, false, irreversible,
                undoLevel);
    }

    /**
     * The same step, marked as losing {@code what} for good; {@code level} is the rollback complexity that loss
     * stands for (3 for a value that stays, 4 for changed rows, 5 for data that goes).
     */
    Step irreversible(String what, int level) {
        return new Step(description, why, kind, release, statements, rollback, rollbackTransactional, what, level);
    }
}
