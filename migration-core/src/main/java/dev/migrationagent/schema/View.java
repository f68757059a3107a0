package dev.migrationagent.schema;

import dev.migrationagent.sql.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * A view or materialized view.
 *
 * @param name view name
 * @param materialized a materialized view
 * @param columns output columns, or {@code null} when unknown
 * @param tables tables and views it reads
 */
public record View(QualifiedName name, boolean materialized, List<String> columns, Set<QualifiedName> tables) {
    public View {
        columns = columns == null ? null : List.copyOf(columns);
        tables = Set.copyOf(tables);
    }
}
