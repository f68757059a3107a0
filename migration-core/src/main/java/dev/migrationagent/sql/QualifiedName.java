package dev.migrationagent.sql;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A possibly schema-qualified object name with PostgreSQL case rules already applied: unquoted parts are
 * lower-cased, quoted parts are kept as written.
 *
 * @param schema the schema, or {@code null} when the name was not qualified
 * @param name the object name
 */
public record QualifiedName(String schema, String name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    // Hand-written because names are hash keys on the hot path of every statement.
    @Override
    public boolean equals(Object o) {
        return o instanceof QualifiedName q && name.equals(q.name) && Objects.equals(schema, q.schema);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + (schema == null ? 0 : schema.hashCode());
    }

    /** An unqualified name. */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    /**
     * Parses a name the way a user writes it in a config or stats file: {@code orders}, {@code billing.invoices},
     * {@code "UserProfiles"}; unquoted parts fold to lower case.
     */
    public static QualifiedName parse(String text) {
        String t = text.trim();
        int dot = splitDot(t);
        if (dot < 0) {
            return of(part(t));
        }
        return new QualifiedName(part(t.substring(0, dot)), part(t.substring(dot + 1)));
    }

    private static int splitDot(String t) {
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String part(String p) {
        String s = p.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The same name with {@code defaultSchema} filled in when it was unqualified. */
    public QualifiedName inSchema(String defaultSchema) {
        return schema == null ? new QualifiedName(defaultSchema, name) : this;
    }

    /** SQL text that names this object, quoting each part only where PostgreSQL needs it. */
    public String toSql() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** Human-readable form for messages: {@code orders} or {@code billing.invoices}, public schema omitted. */
    public String display() {
        return schema == null || schema.equals("public") ? quote(name) : quote(schema) + "." + quote(name);
    }

    @Override
    public String toString() {
        return toSql();
    }

    /** Quotes an identifier if it is not a plain lower-case name or is a reserved word. */
    public static String quote(String identifier) {
        if (isPlain(identifier) && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean isPlain(String s) {
        if (s.isEmpty() || !(s.charAt(0) == '_' || (s.charAt(0) >= 'a' && s.charAt(0) <= 'z'))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    // PostgreSQL's reserved key words (those that cannot be column or table names unquoted).
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
            "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral",
            "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null",
            "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "verbose", "when", "where", "window", "with");
}
