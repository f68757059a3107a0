package dev.migrationagent.datacheck;

import java.util.List;

/**
 * The non-zero violation counts of one reviewed statement, keyed the way shadow traces are: by the statement's
 * position in its script, with its text so that a different split of the script is detected rather than trusted.
 *
 * @param index zero-based position of the statement in its script
 * @param sql the statement text the counts belong to
 * @param counts one entry per violated constraint, never empty
 */
public record StatementCounts(int index, String sql, List<ViolationCount> counts) {
    public StatementCounts {
        counts = List.copyOf(counts);
    }
}
