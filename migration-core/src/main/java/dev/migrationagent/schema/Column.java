package dev.migrationagent.schema;

import dev.migrationagent.sql.Expression;
import dev.migrationagent.sql.TypeName;

/**
 * A table column in the schema model.
 *
 * @param name column name
 * @param type column type
 * @param notNull whether NULL is rejected
 * @param defaultExpr default expression, or {@code null}
 * @param identity an identity column
 * @param generated a stored generated column
 */
public record Column(String name, TypeName type, boolean notNull, Expression defaultExpr, boolean identity,
        boolean generated) {

    Column withType(TypeName t) {
        return new Column(name, t, notNull, defaultExpr, identity, generated);
    }

    Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultExpr, identity, generated);
    }

    Column withDefault(Expression value) {
        return new Column(name, type, notNull, value, identity, generated);
    }

    Column withName(String value) {
        return new Column(value, type, notNull, defaultExpr, identity, generated);
    }
}
