package dev.migrationagent.plan;

import dev.migrationagent.sql.QualifiedName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CHECK expression equivalent to a partition bound, for single-column RANGE and LIST keys. */
final class BoundCheck {
    private static final Pattern KEY = Pattern.compile("(?is)^(RANGE|LIST)\\s*\\(\\s*(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\s*\\)$");
    private static final Pattern RANGE = Pattern.compile("(?is)^\\s*(?:FOR\\s+VALUES\\s+)?FROM\\s*\\((.*)\\)\\s*TO\\s*\\((.*)\\)\\s*$");
    private static final Pattern LIST = Pattern.compile("(?is)^\\s*(?:FOR\\s+VALUES\\s+)?IN\\s*\\((.*)\\)\\s*$");

    private BoundCheck() {}

    /**
     * The CHECK expression, or {@code null} when the key or bound is of a shape this does not translate.
     *
     * @param partitionKey {@code pg_get_partkeydef} of the parent, e.g. {@code RANGE (logged_at)}
     * @param bound the bound as written, e.g. {@code FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')}
     */
    static String of(String partitionKey, String bound) {
        Matcher k = KEY.matcher(partitionKey.strip());
        if (!k.matches() || bound == null) {
            return null;
        }
        String column = Sql.id(QualifiedName.parse(k.group(2)).name());
        if (k.group(1).equalsIgnoreCase("RANGE")) {
            Matcher r = RANGE.matcher(bound);
            if (!r.matches() || r.group(1).contains(",") || r.group(2).contains(",")) {
                return null;
            }
            StringBuilder b = new StringBuilder(column + " IS NOT NULL");
            String from = r.group(1).strip();
            String to = r.group(2).strip();
            if (!from.equalsIgnoreCase("MINVALUE")) {
                b.append(" AND ").append(column).append(" >= ").append(from);
            }
            if (!to.equalsIgnoreCase("MAXVALUE")) {
                b.append(" AND ").append(column).append(" < ").append(to);
            }
            return b.toString();
        }
        Matcher l = LIST.matcher(bound);
        if (!l.matches() || l.group(1).toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bnull\\b.*")) {
            return null;
        }
        return column + " IS NOT NULL AND " + column + " IN (" + l.group(1).strip() + ")";
    }
}
