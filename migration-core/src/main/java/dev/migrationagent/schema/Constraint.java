package dev.migrationagent.schema;

import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.util.List;

/**
 * A table constraint in the schema model.
 *
 * @param name constraint name (generated the way PostgreSQL does when the DDL gave none)
 * @param kind constraint kind
 * @param columns constrained columns
 * @param expression CHECK expression text, or {@code null}
 * @param references referenced table of a foreign key, or {@code null}
 * @param validated false for a NOT VALID constraint that was not validated yet
 */
public record Constraint(String name, ConstraintDef.Kind kind, List<String> columns, String expression,
        QualifiedName references, boolean validated) {
    public Constraint {
        columns = List.copyOf(columns);
    }

    Constraint validatedNow() {
        return new Constraint(name, kind, columns, expression, references, true);
    }

    /** True for a validated {@code CHECK (col IS NOT NULL)}, which lets PostgreSQL 12+ skip the SET NOT NULL scan. */
    public boolean provesNotNull(String column) {
        if (kind != ConstraintDef.Kind.CHECK || !validated || expression == null) {
            return false;
        }
        String e = expression.replaceAll("[\\s()\"]+", " ").trim().toLowerCase(java.util.Locale.ROOT);
        return e.equals(column.toLowerCase(java.util.Locale.ROOT) + " is not null");
    }
}
