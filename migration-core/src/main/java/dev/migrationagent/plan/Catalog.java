package dev.migrationagent.plan;

import dev.migrationagent.sql.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the planner needs to know about the schema before a statement, read from a shadow database that holds it.
 * Rollbacks are derived from these answers: the catalog's own spelling of a default, a constraint, an index or a
 * view is what recreates it exactly.
 */
final class Catalog {
    /**
     * A column as the catalog describes it.
     *
     * @param name the column name
     * @param type the type as {@code format_type} spells it
     * @param notNull whether it is NOT NULL
     * @param defaultExpr the default expression, or {@code null}
     * @param identity whether it is an identity column
     * @param generated whether it is a generated column
     */
    record ColumnInfo(String name, String type, boolean notNull, String defaultExpr, boolean identity,
            boolean generated) {}

    /**
     * An index.
     *
     * @param name its name, schema-qualified when the table is
     * @param definition {@code pg_get_indexdef}
     * @param valid whether it is valid
     * @param constraint whether a constraint (primary key, unique, exclusion) owns it
     * @param columns the names of its key columns; empty for expression indexes
     */
    record IndexInfo(QualifiedName name, String definition, boolean valid, boolean constraint, List<String> columns) {}

    private final Connection c;

    Catalog(Connection c) {
        this.c = c;
    }

    /** The relation's OID, or 0 when no such relation exists on the search path. */
    long oid(QualifiedName name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT coalesce(to_regclass(?)::oid, 0)")) {
            p.setString(1, name.toSql());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The schema the relation lives in; {@code null} when it does not exist. */
    String schemaOf(QualifiedName name) throws SQLException {
        return one("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.oid = to_regclass(?)", name.toSql());
    }

    /** The relation kind ({@code r}, {@code p}, {@code v}, {@code m}, {@code i}, ...) or {@code null}. */
    String kind(QualifiedName name) throws SQLException {
        return one("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(?)", name.toSql());
    }

    /** A column of a table, or {@code null}. */
    ColumnInfo column(QualifiedName table, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '',
                       coalesce(to_jsonb(a) ->> 'attgenerated', '') <> ''
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped""")) {
            p.setString(1, table.toSql());
            p.setString(2, column);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new ColumnInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)) : null;
            }
        }
    }

    /** The primary key's columns in key order; empty without a primary key. */
    List<ColumnInfo> primaryKey(QualifiedName table) throws SQLException {
        List<String> names = list("""
                SELECT a.attname FROM pg_index i
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.n""", table.toSql());
        List<ColumnInfo> columns = new ArrayList<>();
        for (String n : names) {
            columns.add(column(table, n));
        }
        return columns;
    }

    /** The primary key constraint's name, or {@code null}. */
    String primaryKeyName(QualifiedName table) throws SQLException {
        return one("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'p'",
                table.toSql());
    }

    /** The definition of a table's constraint ({@code pg_get_constraintdef}) and whether it is validated. */
    String[] constraint(QualifiedName table, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_get_constraintdef(oid), convalidated::text "
                + "FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?")) {
            p.setString(1, table.toSql());
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    /** An index, or {@code null}. */
    IndexInfo index(QualifiedName index) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT pg_get_indexdef(i.indexrelid), i.indisvalid,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p','u','x')),
                       coalesce((SELECT array_agg(a.attname ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum), '{}')
                FROM pg_index i WHERE i.indexrelid = to_regclass(?)""")) {
            p.setString(1, index.toSql());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> cols = new ArrayList<>();
                for (Object o : (Object[]) rs.getArray(4).getArray()) {
                    cols.add((String) o);
                }
                return new IndexInfo(index, rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), cols);
            }
        }
    }

    /** The indexes of a table that include {@code column} as a key column or in an expression or predicate. */
    List<QualifiedName> indexesOn(QualifiedName table, String column) throws SQLException {
        List<QualifiedName> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT n.nspname, ic.relname FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = ?
                WHERE i.indrelid = to_regclass(?)
                  AND (a.attnum = ANY (i.indkey) OR pg_get_indexdef(i.indexrelid) ~ ('\\m' || a.attname || '\\M'))
                ORDER BY ic.relname""")) {
            p.setString(1, column);
            p.setString(2, table.toSql());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new QualifiedName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Names of constraints of other tables whose foreign keys reference {@code column} of {@code table}. */
    List<String> referencingForeignKeys(QualifiedName table, String column) throws SQLException {
        return list("""
                SELECT k.conrelid::regclass::text || '.' || k.conname FROM pg_constraint k
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = ANY (k.confkey)
                WHERE k.contype = 'f' AND k.confrelid = to_regclass(?) AND a.attname = ?""", table.toSql(), column);
    }

    /** The view's query ({@code pg_get_viewdef}), or {@code null}. */
    String viewDefinition(QualifiedName view) throws SQLException {
        return one("SELECT pg_get_viewdef(to_regclass(?), true)", view.toSql());
    }

    /** Objects (views, rules) that depend on the relation; their names, qualified as {@code regclass} prints them. */
    List<String> dependentViews(QualifiedName relation) throws SQLException {
        return list("""
                SELECT DISTINCT r.ev_class::regclass::text FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                WHERE d.refobjid = to_regclass(?) AND d.classid = 'pg_rewrite'::regclass AND r.ev_class <> d.refobjid""",
                relation.toSql());
    }

    /** The bound of a partition ({@code FOR VALUES ...}), or {@code null}. */
    String partitionBound(QualifiedName partition) throws SQLException {
        return one("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = to_regclass(?)",
                partition.toSql());
    }

    /** The schema unqualified names are created in. */
    String currentSchema() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Whether {@code sql} rewrites {@code table}: it runs in a transaction that is rolled back, and the table's data
     * file ({@code relfilenode}) is compared. A statement that fails counts as rewriting, so it gets the careful plan.
     */
    boolean rewrites(String sql, QualifiedName table) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            String before = one("SELECT relfilenode::text FROM pg_class WHERE oid = to_regclass(?)", table.toSql());
            try {
                s.execute("SAVEPOINT probe");
                s.execute(sql);
            } catch (SQLException e) {
                return true;
            }
            String after = one("SELECT relfilenode::text FROM pg_class WHERE oid = to_regclass(?)", table.toSql());
            return !java.util.Objects.equals(before, after);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /** The sequence owned by (or the identity sequence of) a column, as SQL text, or {@code null}. */
    String ownedSequence(QualifiedName table, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            p.setString(1, table.toSql());
            p.setString(2, column);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT} statements that recreate the constraints that use {@code column}. */
    List<String> constraintsOn(QualifiedName table, String column) throws SQLException {
        return list("""
                SELECT 'ALTER TABLE ' || ? || ' ADD CONSTRAINT ' || quote_ident(k.conname) || ' '
                       || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                WHERE k.conrelid = to_regclass(?) AND a.attname = ? ORDER BY k.conname""", table.toSql(), table.toSql(),
                column);
    }

    /** {@code CREATE INDEX} statements that recreate the indexes on {@code column} that no constraint owns. */
    List<String> indexDefinitionsOn(QualifiedName table, String column) throws SQLException {
        return list("""
                SELECT pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = to_regclass(?) AND a.attname = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY 1""", table.toSql(), column);
    }

    private List<String> list(String sql, String... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** {@code pg_get_functiondef} of the function or procedure {@code name} when exactly one has it, or {@code null}. */
    String functionDefinition(QualifiedName name) throws SQLException {
        return one("SELECT pg_get_functiondef(to_regproc(?))", name.toSql());
    }

    /** The names of the CHECK constraints of a table. */
    List<String> checkConstraints(QualifiedName table) throws SQLException {
        return list("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'c' "
                + "ORDER BY conname", table.toSql());
    }

    /** Whether a validated CHECK constraint of the table says exactly {@code column IS NOT NULL}. */
    boolean hasValidatedNotNullCheck(QualifiedName table, String column) throws SQLException {
        return one("SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'c' AND convalidated "
                + "AND pg_get_constraintdef(oid) = 'CHECK ((' || ? || ' IS NOT NULL))'", table.toSql(),
                QualifiedName.quote(column)) != null;
    }

    /** {@code name}, or {@code name} with a number appended when the table already has a constraint of that name. */
    String freeConstraintName(QualifiedName table, String name) throws SQLException {
        String candidate = name;
        for (int i = 2; one("SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?",
                table.toSql(), candidate) != null; i++) {
            candidate = Sql.derived(name, "_" + i);
        }
        return candidate;
    }

    /**
     * The direct partitions of a partitioned table, each with its kind ({@code r} or {@code p} for a partition that
     * is partitioned itself).
     */
    Map<QualifiedName, String> partitions(QualifiedName table) throws SQLException {
        Map<QualifiedName, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT n.nspname, c.relname, c.relkind::text FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE i.inhparent = to_regclass(?) ORDER BY c.relname""")) {
            p.setString(1, table.toSql());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return out;
    }

    /** The partition key definition ({@code pg_get_partkeydef}) of a partitioned table, or {@code null}. */
    String partitionKey(QualifiedName table) throws SQLException {
        return one("SELECT pg_get_partkeydef(to_regclass(?))", table.toSql());
    }

    /**
     * Runs {@code sql} in a transaction that is rolled back, and returns the names of the constraints of
     * {@code table} and the relations that it created: how the server names what a statement leaves unnamed.
     */
    Set<String> namesCreatedBy(String sql, QualifiedName table) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            Set<String> before = new LinkedHashSet<>(names(table));
            s.execute(sql);
            Set<String> after = new LinkedHashSet<>(names(table));
            after.removeAll(before);
            return after;
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    // The names of a table's constraints and indexes.
    private List<String> names(QualifiedName table) throws SQLException {
        return list("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) UNION ALL "
                + "SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "WHERE i.indrelid = to_regclass(?)", table.toSql(), table.toSql());
    }

    private String one(String sql, String... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
