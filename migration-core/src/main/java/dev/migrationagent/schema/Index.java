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
 * @param valid false for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind (only known live)
 * @param partial an index with a WHERE predicate
 */
public record Index(QualifiedName name, QualifiedName table, boolean unique, List<String> columns,
        String backsConstraint, boolean valid, boolean partial) {
    public Index {
        columns = List.copyOf(columns);
    }

    /** A valid, non-partial index: what a plain CREATE INDEX or a constraint builds. */
    public Index(QualifiedName name, QualifiedName table, boolean unique, List<String> columns,
            String backsConstraint) {
        this(name, table, unique, columns, backsConstraint, true, false);
    }
}
