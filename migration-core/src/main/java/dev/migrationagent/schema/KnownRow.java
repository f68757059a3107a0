package dev.migrationagent.schema;

import dev.migrationagent.sql.Value;
import java.util.Map;

/**
 * A literal row a migration inserted. Columns added after the row was inserted read their value from
 * {@code backfill}, the table-wide record of what existing rows got, so adding a column never touches every row.
 *
 * @param values the values given or defaulted at insert time
 * @param backfill values of columns added later, shared by the table's rows
 */
public record KnownRow(Map<String, Value> values, Map<String, Value> backfill) {

    /** The column's value, or {@code null} when unknown. */
    public Value get(String column) {
        Value v = values.get(column);
        return v != null ? v : backfill.get(column);
    }
}
