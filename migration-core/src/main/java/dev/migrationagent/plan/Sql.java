package dev.migrationagent.plan;

import dev.migrationagent.sql.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** SQL text the planner writes: quoted names and literals, batched row changes, rewritten index statements. */
final class Sql {
    // PostgreSQL truncates identifiers to 63 bytes; a generated name past that would silently collide.
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private Sql() {}

    /** A quoted identifier wherever PostgreSQL needs quotes: mixed case, reserved words, quotes, spaces, unicode. */
    static String id(String name) {
        return QualifiedName.quote(name);
    }

    /** A string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** {@code name} in the schema of {@code like}, the way the user qualified {@code like}. */
    static QualifiedName sibling(QualifiedName like, String name) {
        return new QualifiedName(like.schema(), name);
    }

    /**
     * A new identifier made of {@code base} and {@code suffix}, shortened to PostgreSQL's 63 bytes by cutting
     * {@code base}, never the suffix that tells helper objects apart.
     */
    static String derived(String base, String suffix) {
        String b = base;
        while (!b.isEmpty() && (b + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            b = b.substring(0, b.offsetByCodePoints(b.length(), -1));
        }
        return b + suffix;
    }

    /**
     * A DO block that changes rows of {@code table} in batches of at most {@code batchSize} rows, ordered by the
     * primary key {@code key} (one or more columns, compared as a row), committing after each batch so row locks are
     * held for one batch only, and pausing between batches so replicas and vacuum keep up. Each batch is one
     * statement that picks the next keys and changes exactly those rows, in one snapshot, so no statement touches
     * more than {@code batchSize} rows even while others insert into the range. Every query is an index range scan
     * on the key, so the cost per batch does not grow with the progress made.
     *
     * @param change {@code SET ...} for an update, or {@code null} for a delete
     * @param filter an extra condition on the rows to change, or {@code null}
     */
    static String batched(QualifiedName table, List<String> key, String change, String filter, int batchSize,
            Duration pause) {
        String t = table.toSql();
        String self = id(table.name());
        List<String> aliases = new java.util.ArrayList<>();
        for (int i = 1; i <= key.size(); i++) {
            aliases.add("ma_k" + i);
        }
        String cols = join(key, (k, i) -> id(k));
        String picked = join(key, (k, i) -> id(k) + " AS " + aliases.get(i));
        String row = key.size() == 1 ? cols : "(" + cols + ")";
        String from = key.size() == 1 ? "ma_from.ma_k1" : "(" + join(key, (k, i) -> "ma_from." + aliases.get(i)) + ")";
        String to = from.replace("ma_from.", "ma_to.");
        String last = join(key, (k, i) -> aliases.get(i) + " DESC");
        String match = String.join(" AND ", java.util.stream.IntStream.range(0, key.size())
                .mapToObj(i -> self + "." + id(key.get(i)) + " = ma_batch." + aliases.get(i)).toList())
                + (filter == null ? "" : " AND (" + filter + ")");
        String body = change == null ? "DELETE FROM " + t + " USING ma_batch WHERE " + match + " RETURNING 1"
                : "UPDATE " + t + " " + change + " FROM ma_batch WHERE " + match + " RETURNING 1";
        String sleep = pause.isZero() ? "" : "        PERFORM pg_sleep(" + seconds(pause) + ");\n";
        return """
                DO $batch$
                #variable_conflict use_column
                DECLARE
                    ma_from record;
                    ma_to record;
                    ma_more boolean;
                    ma_total bigint := 0;
                BEGIN
                    SELECT %1$s INTO ma_from FROM %2$s ORDER BY %3$s LIMIT 1;
                    ma_more := FOUND;
                    WHILE ma_more LOOP
                        WITH ma_batch AS (
                            SELECT %1$s FROM %2$s WHERE %4$s >= %5$s ORDER BY %3$s LIMIT %6$d
                        ), ma_changed AS (
                            %7$s
                        )
                        SELECT *, (SELECT count(*) FROM ma_changed) AS ma_n INTO ma_to
                        FROM ma_batch ORDER BY %8$s LIMIT 1;
                        ma_total := ma_total + ma_to.ma_n;
                        COMMIT;
                %9$s        SELECT %1$s INTO ma_from FROM %2$s WHERE %4$s > %10$s ORDER BY %3$s LIMIT 1;
                        ma_more := FOUND;
                    END LOOP;
                    RAISE NOTICE 'changed %% rows of %%', ma_total, %11$s;
                END
                $batch$""".formatted(picked, t, cols, row, from, batchSize, body, last, sleep, to, literal(t));
    }

    private static String join(List<String> key, java.util.function.BiFunction<String, Integer, String> f) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            out.add(f.apply(key.get(i), i));
        }
        return String.join(", ", out);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /** Strips a trailing semicolon and surrounding blanks. */
    static String bare(String statement) {
        String s = statement.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
