package dev.migrationagent.plan;

import dev.migrationagent.sql.QualifiedName;
import java.time.Duration;
import java.util.List;

/** The batched row change the planner writes, for tools that run or measure it outside a plan. */
public final class Batches {
    private Batches() {}

    /**
     * A DO block that runs {@code UPDATE table SET ...} over the rows matching {@code filter}, in primary-key
     * batches of at most {@code batchSize} rows, each committed on its own; it must run outside a transaction block.
     *
     * @param key the primary key's columns
     * @param set the {@code SET ...} clause
     * @param filter a condition on the rows to change, or {@code null} for all
     */
    public static String update(QualifiedName table, List<String> key, String set, String filter, int batchSize,
            Duration pause) {
        return Sql.batched(table, key, set, filter, batchSize, pause);
    }
}
