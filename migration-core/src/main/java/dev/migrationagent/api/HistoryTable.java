package dev.migrationagent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flyway's schema history table, named as Flyway's {@code table} setting names it.
 *
 * <p>Names are case-sensitive, as in Flyway, which quotes them. Flyway keeps the table in its default schema
 * ({@code defaultSchema}, else the first of {@code schemas}); without one it is the connection's current schema,
 * which {@code schema == null} stands for.
 *
 * @param schema the schema, or {@code null} for the connection's current schema
 * @param name the table's name
 */
public record HistoryTable(String schema, String name) {
    /** Flyway's default table name. */
    public static final String DEFAULT_NAME = "flyway_schema_history";

    /** Flyway's default: {@code flyway_schema_history} in the connection's current schema. */
    public static final HistoryTable DEFAULT = new HistoryTable(null, DEFAULT_NAME);

    public HistoryTable {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || (schema != null && schema.isBlank())) {
            throw new InvalidConfigurationException("table", schema == null ? name : schema + "." + name,
                    "the schema history table needs a name (and, when qualified, a schema)");
        }
    }

    /**
     * Parses {@code table} or {@code schema.table}, each part taken literally (case kept, as Flyway does); a part in
     * double quotes may contain a dot, and {@code ""} inside it stands for one quote.
     *
     * @throws InvalidConfigurationException for a blank part, an unclosed quote or more than two parts
     */
    public static HistoryTable parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isBlank)) {
            throw new InvalidConfigurationException("table", text, "expected the schema history table as "
                    + "table or schema.table (double-quote a part that contains a dot)");
        }
        return parts.size() == 1 ? new HistoryTable(null, parts.get(0)) : new HistoryTable(parts.get(0), parts.get(1));
    }

    /** This table in {@code defaultSchema} when it names none; {@code defaultSchema} may be {@code null}. */
    public HistoryTable inSchema(String defaultSchema) {
        return schema != null || defaultSchema == null || defaultSchema.isBlank() ? this
                : new HistoryTable(defaultSchema, name);
    }

    /** {@code schema.name} or {@code name}, as configured (unquoted). */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
