package dev.migrationagent.introspect;

import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.Index;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.schema.View;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Reads a PostgreSQL database's schema, table sizes and version from pg_catalog with one query per object kind,
 * so a database of any size costs the same handful of round trips. It only reads: see
 * {@code docs/introspection.md}.
 */
public final class PostgresIntrospector {
    /** The statement timeout used when none is given. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    // Schemas named pg_* are reserved to the system (pg_catalog, pg_toast, pg_temp_N, pg_toast_temp_N).
    private static final String USER_SCHEMA = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    // Flyway's own bookkeeping is not part of the application's schema; replaced per instance by the configured table.
    private static final String NOT_HISTORY = "{not-history}";

    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.relkind, pn.nspname, pc.relname,
                   c.relispartition AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT',
                   a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', a.attgenerated <> ''
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'p') AND %s AND %s
            ORDER BY c.oid, a.attnum
            """.formatted(USER_SCHEMA, NOT_HISTORY);

    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, k.conname, k.contype, k.convalidated,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),
                   fn.nspname, fc.relname, pg_get_constraintdef(k.oid, true)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class fc ON fc.oid = k.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p') AND %s AND %s
            ORDER BY c.oid, k.conname
            """.formatted(USER_SCHEMA, NOT_HISTORY);

    // Key columns by name; expression keys (indkey 0) by their text, as the parser keeps them.
    private static final String INDEXES = """
            SELECT n.nspname, ic.relname, c.relname, i.indisunique, i.indisvalid, i.indpred IS NOT NULL,
                   ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true)
                                ELSE (SELECT a.attname::text FROM pg_attribute a
                                      WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END
                         FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
                   k.conname
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                 AND k.contype IN ('p', 'u', 'x')
            WHERE c.relkind IN ('r', 'p', 'm') AND %s AND %s
            """.formatted(USER_SCHEMA, NOT_HISTORY);

    // A view's rewrite rule depends on every relation the view reads; its dependency on the view itself is internal.
    private static final String VIEWS = """
            SELECT n.nspname, c.relname, c.relkind = 'm',
                   ARRAY(SELECT a.attname::text FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   ARRAY(SELECT dn.nspname::text FROM deps x JOIN pg_class dc ON dc.oid = x.refobjid
                         JOIN pg_namespace dn ON dn.oid = dc.relnamespace WHERE x.view = c.oid ORDER BY dc.oid),
                   ARRAY(SELECT dc.relname::text FROM deps x JOIN pg_class dc ON dc.oid = x.refobjid
                         WHERE x.view = c.oid ORDER BY dc.oid)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND %s
            """.formatted(USER_SCHEMA);

    private static final String VIEW_DEPS = """
            WITH deps AS (
                SELECT DISTINCT w.ev_class AS view, d.refobjid
                FROM pg_rewrite w
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> w.ev_class)
            """;

    private static final String TYPES = """
            SELECT n.nspname, t.typname, t.typtype,
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   t.typnotnull OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contypid = t.oid)
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE %s AND (t.typtype IN ('e', 'd', 'r')
                  OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c'))
            """.formatted(USER_SCHEMA);

    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'S' AND %s
            """.formatted(USER_SCHEMA);

    private static final String FUNCTIONS = """
            SELECT n.nspname, p.proname, p.provolatile FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE %s
            """.formatted(USER_SCHEMA);

    // Oids in the state tokens: an object dropped and made again under its name has changed too.
    private static final String OUTLINE = """
            SELECT c.relkind::text, n.nspname, c.relname, NULL::text, c.oid::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND %1$s AND %2$s
            UNION ALL
            SELECT 'i', n.nspname, ic.relname, NULL, ic.oid::text || ' on ' || c.oid::text
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %1$s AND %2$s
            UNION ALL
            SELECT 'a', n.nspname, c.relname, a.attname, a.atttypid::text || ':' || a.atttypmod::text
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND %1$s AND %2$s
            UNION ALL
            SELECT 'k', n.nspname, c.relname, k.conname, k.contype::text || ' ' || k.oid::text
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND %1$s AND %2$s
            """.formatted(USER_SCHEMA, NOT_HISTORY);

    private static final String SCHEMAS = "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA;

    // Partitioned parents are left out: they hold no rows themselves, and the analysis sums their partitions.
    private static final String STATS = """
            SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND %s AND %s
            """.formatted(USER_SCHEMA, NOT_HISTORY);

    private final Duration statementTimeout;
    private final String notHistory;

    /** An introspector with the {@link #DEFAULT_STATEMENT_TIMEOUT} that leaves out Flyway's default history table. */
    public PostgresIntrospector() {
        this(DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * An introspector whose every catalog query is cancelled by the server after {@code statementTimeout}, leaving
     * out Flyway's default history table.
     */
    public PostgresIntrospector(Duration statementTimeout) {
        this(statementTimeout, HistoryTable.DEFAULT);
    }

    /**
     * An introspector whose every catalog query is cancelled by the server after {@code statementTimeout}.
     *
     * @param history Flyway's schema history table, left out of the schema and the statistics: the one in its schema,
     *     or every table of that name when it names no schema (the current schema is the session's to choose)
     */
    public PostgresIntrospector(Duration statementTimeout, HistoryTable history) {
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statement timeout must be positive: " + statementTimeout);
        }
        this.statementTimeout = statementTimeout;
        String name = "c.relname <> " + literal(history.name());
        this.notHistory = history.schema() == null ? name
                : "(" + name + " OR n.nspname <> " + literal(history.schema()) + ")";
    }

    // standard_conforming_strings is on by default since PostgreSQL 9.1: only the quote needs doubling.
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String query(String template) {
        return template.replace(NOT_HISTORY, notHistory);
    }

    /**
     * Reads the database the connection is attached to. The session is left read-only
     * ({@code default_transaction_read_only = on}) with this introspector's {@code statement_timeout}; the
     * connection's auto-commit setting is restored.
     *
     * @throws SQLException when a catalog query fails or times out
     */
    public Introspection introspect(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // One snapshot for every query, so the parts agree with each other even while DDL runs elsewhere.
            // search_path = public makes the catalog's printed names qualified exactly where a migration would
            // have to qualify them. JIT off: the planner's row guesses for the per-index subqueries are high
            // enough to trigger JIT compilation, which costs far more than these millisecond queries.
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
                    + " SET SESSION default_transaction_read_only = on;"
                    + " SET SESSION statement_timeout = " + statementTimeout.toMillis() + ";"
                    + " SET LOCAL search_path = public; SET LOCAL jit = off");
            Introspection result = read(st);
            // Commit, not roll back: rolling back would undo the SET SESSION commands above.
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Reads the schema, without statistics, as the session sees it now: inside an open transaction (the JDBC one, or
     * a block the session's own {@code BEGIN} opened) that includes the transaction's uncommitted changes, since
     * catalog reads see them. The read runs under a savepoint that is then rolled back, so the transaction, its locks
     * and the session's settings are as they were afterwards, also when the read fails; outside a transaction it opens
     * one of its own and rolls it back.
     *
     * @throws SQLException when a catalog query fails or times out
     */
    public SchemaModel readWithin(Connection connection) throws SQLException {
        return within(connection, this::readModel);
    }

    /**
     * The outline of the schema, read as {@link #readWithin(Connection)} reads: the tables, views, indexes, columns
     * and constraints a schema comparison looks at, with tokens of their state. One query and a fraction of a full
     * read, to tell which objects changed between two outlines.
     *
     * @throws SQLException when the catalog query fails or times out
     */
    public List<OutlineEntry> outline(Connection connection) throws SQLException {
        return within(connection, st -> {
            List<OutlineEntry> out = new ArrayList<>();
            // Prepared, so that the driver keeps the plan on the server once the query ran a few times in a session.
            try (PreparedStatement ps = connection.prepareStatement(query(OUTLINE)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutlineEntry.Kind kind = switch (rs.getString(1)) {
                        case "v" -> OutlineEntry.Kind.VIEW;
                        case "m" -> OutlineEntry.Kind.MATERIALIZED_VIEW;
                        case "i" -> OutlineEntry.Kind.INDEX;
                        case "a" -> OutlineEntry.Kind.COLUMN;
                        case "k" -> OutlineEntry.Kind.CONSTRAINT;
                        default -> OutlineEntry.Kind.TABLE;
                    };
                    out.add(new OutlineEntry(kind, new QualifiedName(rs.getString(2), rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** A catalog read on a statement of the session; see {@link #readWithin(Connection)}. */
    @FunctionalInterface
    private interface Read<T> {
        T on(Statement st) throws SQLException;
    }

    private <T> T within(Connection connection, Read<T> read) throws SQLException {
        boolean idle = connection.getAutoCommit() && connection.unwrap(BaseConnection.class).getTransactionState()
                == TransactionState.IDLE;
        if (idle) {
            connection.setAutoCommit(false);
        }
        try (Statement st = connection.createStatement()) {
            // As in introspect(); LOCAL, so rolling back to the savepoint restores the session's own values.
            st.execute("SAVEPOINT migration_agent_read; SET LOCAL search_path = public; SET LOCAL jit = off;"
                    + " SET LOCAL statement_timeout = " + statementTimeout.toMillis());
            try {
                return read.on(st);
            } finally {
                st.execute("ROLLBACK TO SAVEPOINT migration_agent_read; RELEASE SAVEPOINT migration_agent_read");
            }
        } finally {
            if (idle) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private Introspection read(Statement st) throws SQLException {
        int serverMajor;
        try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            serverMajor = rs.getInt(1) / 10000;
        }
        SchemaModel model = readModel(st);
        Map<QualifiedName, TableStats.Entry> stats = new HashMap<>();
        try (ResultSet rs = st.executeQuery(query(STATS))) {
            while (rs.next()) {
                stats.put(new QualifiedName(rs.getString(1), rs.getString(2)),
                        new TableStats.Entry(rs.getLong(3), rs.getLong(4)));
            }
        }
        return new Introspection(model, TableStats.of(stats), serverMajor);
    }

    private SchemaModel readModel(Statement st) throws SQLException {
        SchemaModel model = new SchemaModel();
        TypeTexts texts = new TypeTexts();
        try (ResultSet rs = st.executeQuery(SCHEMAS)) {
            while (rs.next()) {
                model.putSchema(rs.getString(1));
            }
        }
        Map<QualifiedName, TableRow> tables = readTables(st, texts);
        readConstraints(st, tables);
        Map<QualifiedName, QualifiedName> defaults = new LinkedHashMap<>();
        for (TableRow t : tables.values()) {
            model.putTable(new Table(t.name, t.columns, t.constraints, t.parent, t.partitioned));
            if (t.defaultPartition) {
                defaults.put(t.parent, t.name);
            }
        }
        defaults.forEach(model::setDefaultPartition);
        readIndexes(st, model);
        readViews(st, model);
        readTypes(st, model);
        try (ResultSet rs = st.executeQuery(SEQUENCES)) {
            while (rs.next()) {
                model.putSequence(new QualifiedName(rs.getString(1), rs.getString(2)));
            }
        }
        try (ResultSet rs = st.executeQuery(FUNCTIONS)) {
            while (rs.next()) {
                model.putFunction(new QualifiedName(rs.getString(1), rs.getString(2)), volatility(rs.getString(3)));
            }
        }
        return model;
    }

    /** A table while its rows are being read. */
    private static final class TableRow {
        final QualifiedName name;
        final QualifiedName parent;
        final boolean partitioned;
        final boolean defaultPartition;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();

        TableRow(QualifiedName name, QualifiedName parent, boolean partitioned, boolean defaultPartition) {
            this.name = name;
            this.parent = parent;
            this.partitioned = partitioned;
            this.defaultPartition = defaultPartition;
        }
    }

    private Map<QualifiedName, TableRow> readTables(Statement st, TypeTexts texts) throws SQLException {
        Map<QualifiedName, TableRow> tables = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery(query(TABLES))) {
            while (rs.next()) {
                QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                TableRow t = tables.get(name);
                if (t == null) {
                    String parentName = rs.getString(5);
                    t = new TableRow(name, parentName == null ? null : new QualifiedName(rs.getString(4), parentName),
                            "p".equals(rs.getString(3)), rs.getBoolean(6));
                    tables.put(name, t);
                }
                String column = rs.getString(7);
                if (column == null) {
                    continue; // a table without columns
                }
                boolean generated = rs.getBoolean(12);
                // A generated column's expression is stored as its default; the model keeps it apart.
                t.columns.add(new Column(column, texts.type(rs.getString(8)), rs.getBoolean(9),
                        generated ? null : texts.expression(rs.getString(10)), rs.getBoolean(11), generated));
            }
        }
        return tables;
    }

    private void readConstraints(Statement st, Map<QualifiedName, TableRow> tables) throws SQLException {
        try (ResultSet rs = st.executeQuery(query(CONSTRAINTS))) {
            while (rs.next()) {
                TableRow t = tables.get(new QualifiedName(rs.getString(1), rs.getString(2)));
                if (t == null) {
                    continue;
                }
                ConstraintDef.Kind kind = switch (rs.getString(4)) {
                    case "p" -> ConstraintDef.Kind.PRIMARY_KEY;
                    case "u" -> ConstraintDef.Kind.UNIQUE;
                    case "f" -> ConstraintDef.Kind.FOREIGN_KEY;
                    case "c" -> ConstraintDef.Kind.CHECK;
                    default -> ConstraintDef.Kind.EXCLUDE;
                };
                String refTable = rs.getString(8);
                QualifiedName references = refTable == null ? null : new QualifiedName(rs.getString(7), refTable);
                String def = rs.getString(9);
                String expression = kind == ConstraintDef.Kind.CHECK ? checkExpression(def)
                        : kind == ConstraintDef.Kind.EXCLUDE ? def : null;
                t.constraints.add(new Constraint(rs.getString(3), kind, strings(rs.getArray(6)), expression,
                        references, rs.getBoolean(5)));
            }
        }
    }

    private void readIndexes(Statement st, SchemaModel model) throws SQLException {
        try (ResultSet rs = st.executeQuery(query(INDEXES))) {
            while (rs.next()) {
                String schema = rs.getString(1);
                model.putIndex(new Index(new QualifiedName(schema, rs.getString(2)),
                        new QualifiedName(schema, rs.getString(3)), rs.getBoolean(4), strings(rs.getArray(7)),
                        rs.getString(8), rs.getBoolean(5), rs.getBoolean(6)));
            }
        }
    }

    private static void readViews(Statement st, SchemaModel model) throws SQLException {
        try (ResultSet rs = st.executeQuery(VIEW_DEPS + VIEWS)) {
            while (rs.next()) {
                List<String> schemas = strings(rs.getArray(5));
                List<String> names = strings(rs.getArray(6));
                Set<QualifiedName> reads = new LinkedHashSet<>();
                for (int i = 0; i < names.size(); i++) {
                    reads.add(new QualifiedName(schemas.get(i), names.get(i)));
                }
                model.putView(new View(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getBoolean(3),
                        strings(rs.getArray(4)), reads));
            }
        }
    }

    private static void readTypes(Statement st, SchemaModel model) throws SQLException {
        try (ResultSet rs = st.executeQuery(TYPES)) {
            while (rs.next()) {
                QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                switch (rs.getString(3)) {
                    case "e" -> model.putEnum(name, strings(rs.getArray(4)));
                    case "d" -> model.putDomain(name, rs.getBoolean(5));
                    default -> model.putType(name);
                }
            }
        }
    }

    private static String volatility(String code) {
        return switch (code) {
            case "i" -> "immutable";
            case "s" -> "stable";
            default -> "volatile";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /**
     * The expression inside {@code CHECK (...)} of pg_get_constraintdef output, without the trailing
     * {@code NOT VALID} or {@code NO INHERIT}, so it reads like the text a migration wrote.
     */
    static String checkExpression(String def) {
        int open = def.indexOf('(');
        if (open < 0) {
            return def;
        }
        int depth = 0;
        char quote = 0;
        for (int i = open; i < def.length(); i++) {
            char ch = def.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0; // a doubled quote closes and reopens, which leaves the state right
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return def.substring(open + 1, i).trim();
            }
        }
        return def;
    }
}
