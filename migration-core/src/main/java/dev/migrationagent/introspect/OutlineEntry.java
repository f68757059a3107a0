package dev.migrationagent.introspect;

import dev.migrationagent.sql.QualifiedName;
import java.util.Objects;

/**
 * One object of a schema outline ({@link PostgresIntrospector#outline}): a relation, column, constraint or index with
 * a token of its state, enough to tell that it appeared, went away or changed, not what it is.
 *
 * @param kind what the object is
 * @param relation the table, view or index, schema-qualified
 * @param part the column or constraint name, or {@code null} for a relation
 * @param state a token that differs whenever the object does, as far as a schema comparison looks
 */
public record OutlineEntry(Kind kind, QualifiedName relation, String part, String state) {
    /** What an outlined object is. */
    public enum Kind {
        /** A table, partitioned or not. */
        TABLE,
        /** A view. */
        VIEW,
        /** A materialized view. */
        MATERIALIZED_VIEW,
        /** An index; its relation is the index. */
        INDEX,
        /** A column of a table. */
        COLUMN,
        /** A constraint of a table. */
        CONSTRAINT
    }

    public OutlineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(state, "state");
    }
}
