package dev.migrationagent.datacheck;

import dev.migrationagent.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One constraint a reviewed statement adds, as far as the rows already in the target can break it; it builds the
 * read-only count of the violating rows and a cleanup script for them. Every identifier is quoted with
 * {@link QualifiedName#quote}, so mixed case, reserved words, quotes and non-ASCII names survive.
 *
 * @param kind what the statement adds
 * @param table the constrained table, as the migration names it
 * @param columns the constrained columns (empty for CHECK)
 * @param referenced the referenced table of a foreign key, else {@code null}
 * @param referencedColumns the referenced columns of a foreign key, same length as {@code columns}
 * @param expression the CHECK expression as written (already judged safe to embed), else {@code null}
 */
public record DataCheck(Kind kind, QualifiedName table, List<String> columns, QualifiedName referenced,
        List<String> referencedColumns, String expression) {
    // Small enough that one batch holds its row locks briefly, large enough that a million rows take 100 batches.
    static final int BATCH = 10_000;
    private static final String ROW = "c";
    private static final String PARENT = "p";

    /** What a reviewed statement adds. */
    public enum Kind {
        /** {@code SET NOT NULL}, a primary key or a {@code NOT NULL} constraint on an existing column. */
        NOT_NULL,
        /** {@code ADD COLUMN ... NOT NULL} without a default: every existing row violates it. */
        NEW_REQUIRED_COLUMN,
        /** A unique constraint, primary key or unique index. */
        UNIQUE,
        /** A validated foreign key. */
        FOREIGN_KEY,
        /** A validated CHECK constraint. */
        CHECK
    }

    public DataCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        if (kind == Kind.FOREIGN_KEY && (referenced == null || referencedColumns.size() != columns.size())) {
            throw new IllegalArgumentException("a foreign key check needs as many referenced columns as columns");
        }
        if (kind == Kind.CHECK && expression == null) {
            throw new IllegalArgumentException("a CHECK check needs its expression");
        }
    }

    /** A NOT NULL check of one column. */
    public static DataCheck notNull(QualifiedName table, String column) {
        return new DataCheck(Kind.NOT_NULL, table, List.of(column), null, List.of(), null);
    }

    /** The rows that must not exist, as a {@code WHERE} condition on the table aliased {@code c}. */
    String violation() {
        return switch (kind) {
            case NOT_NULL -> join(columns, col -> col(col) + " IS NULL", " OR ");
            case NEW_REQUIRED_COLUMN -> "true";
            case UNIQUE -> throw new IllegalStateException("duplicates are groups, not a row condition");
            case FOREIGN_KEY -> notNullAll(ROW) + " AND NOT EXISTS (SELECT 1 FROM " + referenced.toSql() + " "
                    + PARENT + " WHERE " + matches() + ")";
            // A CHECK passes when its expression is NULL, so only rows where it is false violate it.
            case CHECK -> "NOT (" + expression + ")";
        };
    }

    /** A query returning one row with one bigint: the number of violating rows. */
    public String countSql() {
        if (kind == Kind.UNIQUE) {
            // NULLs never collide in a unique constraint (unless NULLS NOT DISTINCT, which only adds violations).
            return "SELECT coalesce(sum(d.n), 0)::bigint FROM (SELECT count(*) AS n FROM " + table.toSql() + " "
                    + ROW + " WHERE " + notNullAll(ROW) + " GROUP BY " + list(ROW, columns)
                    + " HAVING count(*) > 1) d";
        }
        return "SELECT count(*) FROM " + table.toSql() + " " + ROW + " WHERE " + violation();
    }

    /** What the statement adds, for messages: {@code NOT NULL on orders.customer_id}. */
    public String describe() {
        String cols = columns.size() == 1 ? QualifiedName.quote(columns.get(0))
                : "(" + String.join(", ", columns.stream().map(QualifiedName::quote).toList()) + ")";
        return switch (kind) {
            case NOT_NULL -> "NOT NULL on " + table.display() + "." + cols;
            case NEW_REQUIRED_COLUMN -> "the new NOT NULL column " + table.display() + "." + cols
                    + " without a default";
            case UNIQUE -> "uniqueness of " + table.display() + " " + cols;
            case FOREIGN_KEY -> "the foreign key " + table.display() + " " + cols + " → " + referenced.display()
                    + " (" + String.join(", ", referencedColumns.stream().map(QualifiedName::quote).toList()) + ")";
            case CHECK -> "CHECK (" + expression + ") on " + table.display();
        };
    }

    /**
     * A cleanup script for the violating rows: read-only queries that list them run as they are; statements that
     * change or delete rows are commented out because only a person can decide which value or row is right.
     *
     * @param hasDefault for NOT NULL: whether the column has a default on the target, which makes the batched
     *     backfill runnable as written
     */
    public String cleanupSql(boolean hasDefault) {
        String t = table.toSql();
        String where = kind == Kind.UNIQUE ? null : violation();
        List<String> out = new ArrayList<>();
        switch (kind) {
            case NOT_NULL -> {
                out.add("-- The rows that hold NULL:");
                out.add("SELECT " + ROW + ".* FROM " + t + " " + ROW + " WHERE " + where + " LIMIT 100;");
                out.add("-- Backfill in batches of " + BATCH + " in earlier migrations (or by hand), repeating until"
                        + " it updates 0 rows:");
                for (String column : columns) {
                    String update = "UPDATE " + t + " SET " + QualifiedName.quote(column) + " = "
                            + (hasDefault ? "DEFAULT" : "<value>") + " WHERE ctid IN (SELECT ctid FROM " + t
                            + " WHERE " + QualifiedName.quote(column) + " IS NULL LIMIT " + BATCH + ");";
                    // Without a default there is no value to suggest; the statement stays a template.
                    out.add(hasDefault ? update : "-- " + update);
                }
            }
            case NEW_REQUIRED_COLUMN -> {
                String col = QualifiedName.quote(columns.get(0));
                out.add("-- Add the column with a DEFAULT, or add it nullable, backfill it in batches of " + BATCH
                        + " and then");
                out.add("-- ALTER TABLE " + t + " ALTER COLUMN " + col + " SET NOT NULL;");
                out.add("SELECT count(*) FROM " + t + ";");
            }
            case UNIQUE -> {
                String cols = list(ROW, columns);
                out.add("-- The duplicated values and how often each occurs:");
                out.add("SELECT " + cols + ", count(*) AS copies FROM " + t + " " + ROW + " WHERE "
                        + notNullAll(ROW) + " GROUP BY " + cols + " HAVING count(*) > 1 ORDER BY copies DESC;");
                out.add("-- Review, then keep one row per value (the oldest physical row) and delete the others:");
                out.add("-- DELETE FROM " + t + " " + ROW + " USING " + t + " " + PARENT + " WHERE " + ROW
                        + ".ctid > " + PARENT + ".ctid AND " + join(columns, col -> ROW + "." + QualifiedName.quote(col)
                        + " = " + PARENT + "." + QualifiedName.quote(col), " AND ") + ";");
            }
            case FOREIGN_KEY -> {
                out.add("-- The rows whose reference points nowhere:");
                out.add("SELECT " + ROW + ".* FROM " + t + " " + ROW + " WHERE " + where + " LIMIT 100;");
                out.add("-- Review, then either clear the reference or delete the rows:");
                out.add("-- UPDATE " + t + " " + ROW + " SET " + join(columns, col -> QualifiedName.quote(col)
                        + " = NULL", ", ") + " WHERE " + where + ";");
                out.add("-- DELETE FROM " + t + " " + ROW + " WHERE " + where + ";");
            }
            case CHECK -> {
                out.add("-- The rows the CHECK rejects:");
                out.add("SELECT " + ROW + ".* FROM " + t + " " + ROW + " WHERE " + where + " LIMIT 100;");
                out.add("-- Review, then correct them with an UPDATE or remove them:");
                out.add("-- DELETE FROM " + t + " " + ROW + " WHERE " + where + ";");
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return String.join("\n", out);
    }

    private String matches() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(PARENT + "." + QualifiedName.quote(referencedColumns.get(i)) + " = " + col(columns.get(i)));
        }
        return String.join(" AND ", parts);
    }

    // MATCH SIMPLE: a key with any NULL column is not checked, and NULLs never duplicate.
    private String notNullAll(String alias) {
        return join(columns, c -> alias + "." + QualifiedName.quote(c) + " IS NOT NULL", " AND ");
    }

    private static String col(String column) {
        return ROW + "." + QualifiedName.quote(column);
    }

    private static String list(String alias, List<String> cols) {
        return join(cols, c -> alias + "." + QualifiedName.quote(c), ", ");
    }

    private static String join(List<String> items, Function<String, String> f, String separator) {
        return String.join(separator, items.stream().map(f).toList());
    }
}
