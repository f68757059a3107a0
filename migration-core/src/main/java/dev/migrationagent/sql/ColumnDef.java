package dev.migrationagent.sql;

import java.util.List;

/**
 * A column definition in CREATE TABLE or ADD COLUMN.
 *
 * @param name column name
 * @param type declared type
 * @param notNull declared NOT NULL (or PRIMARY KEY)
 * @param defaultExpr default expression, or {@code null}
 * @param identity {@code GENERATED ... AS IDENTITY}
 * @param generatedExpr expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or {@code null}
 * @param constraints inline constraints (PRIMARY KEY, UNIQUE, CHECK, REFERENCES)
 */
public record ColumnDef(
        String name,
        TypeName type,
        boolean notNull,
        Expression defaultExpr,
        boolean identity,
        String generatedExpr,
        List<ConstraintDef> constraints) {
    public ColumnDef {
        constraints = List.copyOf(constraints);
    }
}
