package dev.migrationagent.plan;

import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
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
     * single-column primary key {@code key}, committing after each batch so row locks are held for one batch only,
     * and pausing between batches so replicas and vacuum keep up. Every query is an index range scan on the key,
     * so the cost per batch does not grow with the progress made; a rerun after an interruption redoes only
     * the batches whose rows still match {@code filter}.
     *
     * @param change {@code SET ...} for an update, or {@code null} for a delete
     * @param filter an extra condition on the rows to change, or {@code null}
     */
    static String batched(QualifiedName table, String key, String keyType, String change, String filter,
            int batchSize, Duration pause) {
        String t = table.toSql();
        String k = id(key);
        String where = k + " >= batch_from AND " + k + " <= batch_to" + (filter == null ? "" : " AND (" + filter + ")");
        String body = change == null ? "DELETE FROM " + t + " WHERE " + where
                : "UPDATE " + t + " " + change + " WHERE " + where;
        String sleep = pause.isZero() ? "" : "        PERFORM pg_sleep(" + seconds(pause) + ");\n";
        return """
                DO $batch$
                DECLARE
                    batch_from %1$s;
                    batch_to %1$s;
                    changed bigint;
                    total bigint := 0;
                BEGIN
                    SELECT min(%2$s) INTO batch_from FROM %3$s;
                    WHILE batch_from IS NOT NULL LOOP
                        SELECT max(k) INTO batch_to FROM (
                            SELECT %2$s AS k FROM %3$s WHERE %2$s >= batch_from ORDER BY %2$s LIMIT %4$d) b;
                        %5$s;
                        GET DIAGNOSTICS changed = ROW_COUNT;
                        total := total + changed;
                        COMMIT;
                %6$s        SELECT min(%2$s) INTO batch_from FROM %3$s WHERE %2$s > batch_to;
                    END LOOP;
                    RAISE NOTICE 'changed %% rows of %%', total, %7$s;
                END
                $batch$""".formatted(keyType, k, t, batchSize, body, sleep, literal(t));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /**
     * The statement {@code create} (a CREATE INDEX) with CONCURRENTLY and, when it names its index, IF NOT EXISTS,
     * so it can run outside a transaction and be retried.
     */
    static String concurrentIndex(String create) {
        List<Token> tokens = Lexer.tokenize(create).stream().filter(t -> !t.isComment()).toList();
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).is("index")) {
            i++;
        }
        if (i == tokens.size()) {
            throw new IllegalArgumentException("not a CREATE INDEX: " + create);
        }
        StringBuilder insert = new StringBuilder();
        int at = tokens.get(i).end();
        int j = i + 1;
        if (j < tokens.size() && tokens.get(j).is("concurrently")) {
            at = tokens.get(j).end();
            j++;
        } else {
            insert.append(" CONCURRENTLY");
        }
        boolean hasIfNotExists = j < tokens.size() && tokens.get(j).is("if");
        boolean named = j < tokens.size() && !tokens.get(j).is("on") && (tokens.get(j).type() == TokenType.WORD
                || tokens.get(j).type() == TokenType.QUOTED_IDENT);
        if (!hasIfNotExists && named) {
            insert.append(" IF NOT EXISTS");
        }
        return create.substring(0, at) + insert + create.substring(at);
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
