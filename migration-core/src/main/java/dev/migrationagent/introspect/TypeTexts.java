package dev.migrationagent.introspect;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Expression;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.TypeName;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns catalog text (format_type output, pg_get_expr defaults) into the parser's values, by parsing it inside a
 * tiny statement, so that a live column and a migration's column get the same canonical type names.
 */
final class TypeTexts {
    // A database has few distinct type and default texts but many columns: cache so parsing stays off the hot path.
    private final Map<String, TypeName> types = new HashMap<>();
    private final Map<String, Expression> defaults = new HashMap<>();

    TypeName type(String formatType) {
        return types.computeIfAbsent(formatType, TypeTexts::parseType);
    }

    Expression expression(String text) {
        return text == null ? null : defaults.computeIfAbsent(text, TypeTexts::parseExpression);
    }

    private static TypeName parseType(String text) {
        Statement s = only("CREATE TABLE t (c " + text + ")");
        if (s instanceof Statement.CreateTable ct && ct.columns().size() == 1) {
            return ct.columns().get(0).type();
        }
        // The parser knows every type PostgreSQL prints; should one slip through, keep the text rather than fail.
        return new TypeName(text, List.of(), text.endsWith("]"), text);
    }

    private static Expression parseExpression(String text) {
        Statement s = only("ALTER TABLE t ALTER COLUMN c SET DEFAULT " + text);
        if (s instanceof Statement.AlterTable at && at.actions().size() == 1
                && at.actions().get(0) instanceof AlterAction.SetDefault sd) {
            return sd.value();
        }
        return new Expression(text, List.of(), false);
    }

    private static Statement only(String sql) {
        List<ParsedStatement> parsed = PostgresParser.parse(sql).statements();
        return parsed.size() == 1 ? parsed.get(0).statement() : null;
    }
}
