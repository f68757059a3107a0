package dev.migrationagent.schema;

import dev.migrationagent.sql.QualifiedName;
import java.util.List;

/**
 * An index in the schema model.
 *
 * @param name index name (in the table's schema)
 * @param table indexed table
 * @param unique unique index
 * @param columns indexed columns or expressions
 * @param backsConstraint the constraint that owns the index, or {@code null}
 */
public record Index(QualifiedName name, QualifiedName table, boolean unique, List<String> columns,
        String backsConstraint) {
    public Index {
        columns = List.copyOf(columns);
    }
}
