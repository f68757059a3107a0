package dev.migrationagent.plan;

import java.util.List;
import java.util.Objects;

/**
 * The safe plan for one migration script.
 *
 * @param script the planned script's path, as the analysis names it
 * @param steps the steps, in the order they run
 * @param unplanned statements the planner has no safe equivalent for, with the reason
 */
public record ScriptPlan(String script, List<Step> steps, List<Unplanned> unplanned) {
    /**
     * A statement without a safe equivalent.
     *
     * @param line 1-based line of the statement in its script
     * @param column 1-based column
     * @param statement the statement text
     * @param reason why, and what to do instead
     */
    public record Unplanned(int line, int column, String statement, String reason) {}

    public ScriptPlan {
        Objects.requireNonNull(script, "script");
        steps = List.copyOf(steps);
        unplanned = List.copyOf(unplanned);
    }

    /** The plan's rollback complexity (1-5): the hardest undo among its steps; 1 without steps. */
    public int rollbackComplexity() {
        return steps.stream().mapToInt(Step::undoLevel).max().orElse(1);
    }

    /** The number of releases the plan spans. */
    public int releases() {
        return steps.stream().mapToInt(Step::release).max().orElse(1);
    }
}
