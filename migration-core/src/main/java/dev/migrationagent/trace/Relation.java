package dev.migrationagent.trace;

import java.util.Objects;

/**
 * A relation of the shadow database as the tracer saw it.
 *
 * @param schema schema name
 * @param name relation name
 * @param kind what it is
 * @param table the table it belongs to: itself for a table, the indexed table for an index
 */
public record Relation(String schema, String name, Kind kind, String table) {
    /** Relation kinds the tracer distinguishes ({@code pg_class.relkind}). */
    public enum Kind {
        TABLE, PARTITIONED_TABLE, INDEX, PARTITIONED_INDEX, MATERIALIZED_VIEW, VIEW, SEQUENCE, FOREIGN_TABLE, OTHER;

        static Kind of(String relkind) {
            return switch (relkind) {
                case "r" -> TABLE;
                case "p" -> PARTITIONED_TABLE;
                case "i" -> INDEX;
                case "I" -> PARTITIONED_INDEX;
                case "m" -> MATERIALIZED_VIEW;
                case "v" -> VIEW;
                case "S" -> SEQUENCE;
                case "f" -> FOREIGN_TABLE;
                default -> OTHER;
            };
        }
    }

    public Relation {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
    }

    /** True for tables, partitioned tables and materialized views: things with rows of their own. */
    public boolean isTableLike() {
        return kind == Kind.TABLE || kind == Kind.PARTITIONED_TABLE || kind == Kind.MATERIALIZED_VIEW;
    }

    /** {@code schema.name}. */
    public String qualified() {
        return schema + "." + name;
    }
}
