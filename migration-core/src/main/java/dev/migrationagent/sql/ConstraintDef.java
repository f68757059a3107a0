package dev.migrationagent.sql;

import java.util.List;

/**
 * A table or column constraint as written.
 *
 * @param name the constraint name, or {@code null}
 * @param kind constraint kind
 * @param columns constrained columns (empty for CHECK)
 * @param expression CHECK or EXCLUDE expression text, or {@code null}
 * @param references referenced table of a foreign key, or {@code null}
 * @param referencedColumns referenced columns of a foreign key
 * @param notValid written with {@code NOT VALID}
 * @param usingIndex the index named by {@code USING INDEX}, or {@code null}
 * @param onDeleteCascade foreign key with {@code ON DELETE CASCADE}
 */
public record ConstraintDef(
        String name,
        Kind kind,
        List<String> columns,
        String expression,
        QualifiedName references,
        List<String> referencedColumns,
        boolean notValid,
        String usingIndex,
        boolean onDeleteCascade) {

    /** Constraint kinds. */
    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE, NOT_NULL }

    public ConstraintDef {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The same constraint applied to the given columns (for inline column constraints). */
    public ConstraintDef onColumns(List<String> cols) {
        return new ConstraintDef(name, kind, cols, expression, references, referencedColumns, notValid, usingIndex,
                onDeleteCascade);
    }
}
