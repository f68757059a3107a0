package dev.migrationagent.datacheck;

import dev.migrationagent.api.Listener;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, on the target, the rows that would make a reviewed statement fail: NULLs under a new NOT NULL, duplicates
 * under a new unique constraint or index, orphans under a validated foreign key, rejected rows under a validated
 * CHECK. Each count runs in its own read-only transaction under a statement timeout and is rolled back.
 *
 * <p>The target holds the data as it is before the reviewed migrations. Once a reviewed statement may have changed a
 * table's rows or shape (DML, rename, type change, a DO block), later counts on that table would describe data the
 * migration no longer sees, so they are not run.
 */
public final class DataChecker {
    /** How long one count may run before it is abandoned (and reported to the listener, not as a finding). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Listener listener;
    // Constraints added NOT VALID by earlier reviewed statements, by table and name, for a later VALIDATE.
    private final Map<QualifiedName, Map<String, ConstraintDef>> notValid = new HashMap<>();
    private final Set<QualifiedName> changed = new HashSet<>();
    private String stoppedAt;

    /**
     * A checker for one analysis: it remembers, across the reviewed scripts, which tables they changed.
     *
     * @param timeout the statement timeout of each count
     * @param listener receives a WARN for a count that timed out and INFO for checks that could not run
     */
    public DataChecker(Duration timeout, Listener listener) {
        this.timeout = timeout;
        this.listener = listener;
    }

    /**
     * Checks the reviewed scripts in order against the target.
     *
     * @param target a connection to the target; it is switched to read-only and left outside any transaction
     * @return the non-zero counts by script path, one entry per statement that has any
     */
    public Map<String, List<StatementCounts>> check(Connection target, List<MigrationScript> reviewed)
            throws SQLException {
        target.setReadOnly(true);
        target.setAutoCommit(false);
        Map<String, List<StatementCounts>> out = new LinkedHashMap<>();
        try {
            for (MigrationScript s : reviewed) {
                List<ParsedStatement> statements = PostgresParser.parse(s.sql()).statements();
                List<StatementCounts> counts = new ArrayList<>();
                for (int i = 0; i < statements.size() && stoppedAt == null; i++) {
                    ParsedStatement p = statements.get(i);
                    List<ViolationCount> found = new ArrayList<>();
                    for (DataCheck c : plan(target, p.statement())) {
                        ViolationCount v = count(target, c);
                        if (v != null && v.rows() > 0) {
                            found.add(v);
                        }
                    }
                    if (!found.isEmpty()) {
                        counts.add(new StatementCounts(i, p.text(), found));
                    }
                    track(p.statement(), s.path() + ":" + p.span().line());
                }
                if (!counts.isEmpty()) {
                    out.put(s.path(), List.copyOf(counts));
                }
            }
        } finally {
            target.rollback();
            target.setAutoCommit(true);
        }
        return Map.copyOf(out);
    }

    /** The checks a statement needs, in the order its sub-commands run. */
    private List<DataCheck> plan(Connection target, Statement st) throws SQLException {
        List<DataCheck> checks = new ArrayList<>();
        if (st instanceof Statement.CreateIndex ci && ci.unique() && !ci.partial()
                && !changed.contains(SchemaModel.resolve(ci.table()))
                && ci.columns().stream().noneMatch(c -> c.contains("("))) {
            // An expression column comes back as its text; a parenthesis is the sign (and such indexes are skipped).
            checks.add(new DataCheck(DataCheck.Kind.UNIQUE, ci.table(), ci.columns(), null, List.of(), null));
        }
        if (!(st instanceof Statement.AlterTable at) || changed.contains(SchemaModel.resolve(at.table()))) {
            return checks;
        }
        QualifiedName t = at.table();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.SetNotNull s) {
                checks.add(DataCheck.notNull(t, s.column()));
            } else if (a instanceof AlterAction.AddColumn ac && required(ac.column())) {
                checks.add(new DataCheck(DataCheck.Kind.NEW_REQUIRED_COLUMN, t, List.of(ac.column().name()), null,
                        List.of(), null));
            } else if (a instanceof AlterAction.AddConstraint add) {
                if (add.constraint().notValid()) {
                    String name = add.constraint().name();
                    if (name != null) {
                        notValid.computeIfAbsent(SchemaModel.resolve(t), k -> new HashMap<>())
                                .put(name, add.constraint());
                    }
                } else {
                    checks.addAll(checksOf(target, t, add.constraint()));
                }
            } else if (a instanceof AlterAction.ValidateConstraint v) {
                ConstraintDef def = notValid.getOrDefault(SchemaModel.resolve(t), Map.of()).get(v.name());
                if (def == null) {
                    def = catalogConstraint(target, t, v.name());
                }
                if (def != null) {
                    checks.addAll(checksOf(target, t, def));
                }
            }
        }
        return checks;
    }

    // Identity, generated and defaulted columns fill existing rows; only a bare NOT NULL column fails on them.
    private static boolean required(ColumnDef c) {
        return c.notNull() && c.defaultExpr() == null && !c.identity() && c.generatedExpr() == null
                && !c.type().name().endsWith("serial");
    }

    private List<DataCheck> checksOf(Connection target, QualifiedName t, ConstraintDef def) throws SQLException {
        List<DataCheck> checks = new ArrayList<>();
        switch (def.kind()) {
            case NOT_NULL -> def.columns().forEach(c -> checks.add(DataCheck.notNull(t, c)));
            case PRIMARY_KEY, UNIQUE -> {
                // USING INDEX names an index that already exists, so its rows are unique already.
                if (def.usingIndex() == null && !def.columns().isEmpty()) {
                    if (def.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                        def.columns().forEach(c -> checks.add(DataCheck.notNull(t, c)));
                    }
                    checks.add(new DataCheck(DataCheck.Kind.UNIQUE, t, def.columns(), null, List.of(), null));
                }
            }
            case FOREIGN_KEY -> {
                List<String> refCols = def.referencedColumns().isEmpty()
                        ? primaryKey(target, def.references()) : def.referencedColumns();
                if (refCols.size() == def.columns().size() && !def.columns().isEmpty()
                        && !changed.contains(SchemaModel.resolve(def.references()))) {
                    checks.add(new DataCheck(DataCheck.Kind.FOREIGN_KEY, t, def.columns(), def.references(), refCols,
                            null));
                }
            }
            case CHECK -> {
                if (SafeExpression.isSafe(def.expression())) {
                    checks.add(new DataCheck(DataCheck.Kind.CHECK, t, List.of(), null, List.of(), def.expression()));
                } else {
                    listener.on(Listener.Level.INFO, "Data check skipped on " + t.display() + ": CHECK ("
                            + def.expression() + ") calls something that is not known to be free of side effects");
                }
            }
            default -> { }
        }
        return checks;
    }

    /** Counts one check's violating rows; {@code null} when the count could not run (the listener says why). */
    private ViolationCount count(Connection target, DataCheck check) throws SQLException {
        try (java.sql.Statement st = target.createStatement()) {
            // Read-only even when the caller's session is not; SET LOCAL lasts until the rollback below, so the
            // session's own timeout is untouched.
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            long rows;
            try (ResultSet rs = st.executeQuery(check.countSql())) {
                rows = rs.next() ? rs.getLong(1) : 0;
            }
            if (rows == 0) {
                return new ViolationCount(check, 0, "");
            }
            boolean hasDefault = check.kind() == DataCheck.Kind.NOT_NULL && check.columns().size() == 1
                    && hasDefault(target, check.table(), check.columns().get(0));
            return new ViolationCount(check, rows, check.cleanupSql(hasDefault));
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08")) {
                throw e;
            }
            if (state.equals("57014")) {
                listener.on(Listener.Level.WARN, "Data check on " + check.table().display() + " did not finish "
                        + "within " + timeout.toSeconds() + " s and is not reported: " + check.describe());
            } else {
                // Typically a table or column the reviewed migrations create: it holds no rows on the target yet.
                listener.on(Listener.Level.INFO, "Data check on " + check.table().display() + " not run ("
                        + oneLine(e.getMessage()) + "): " + check.describe());
            }
            return null;
        } finally {
            target.rollback();
        }
    }

    private static boolean hasDefault(Connection target, QualifiedName table, String column) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement("SELECT a.atthasdef FROM pg_attribute a "
                + "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped")) {
            ps.setString(1, table.toSql());
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // The columns a REFERENCES without a column list points at: the referenced table's primary key.
    private List<String> primaryKey(Connection target, QualifiedName table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = target.prepareStatement("SELECT a.attname FROM pg_constraint k "
                + "CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum "
                + "WHERE k.conrelid = to_regclass(?) AND k.contype = 'p' ORDER BY u.ord")) {
            ps.setString(1, table.toSql());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        } finally {
            target.rollback();
        }
        return cols;
    }

    // A constraint that an applied migration added NOT VALID: the server's own definition, parsed like a migration.
    private ConstraintDef catalogConstraint(Connection target, QualifiedName table, String name) throws SQLException {
        String def = null;
        try (PreparedStatement ps = target.prepareStatement("SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k "
                + "WHERE k.conrelid = to_regclass(?) AND k.conname = ?")) {
            ps.setString(1, table.toSql());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                def = rs.next() ? rs.getString(1) : null;
            }
        } finally {
            target.rollback();
        }
        if (def == null) {
            listener.on(Listener.Level.INFO, "Data check skipped: constraint " + QualifiedName.quote(name) + " on "
                    + table.display() + " is not on the target");
            return null;
        }
        List<ParsedStatement> parsed = PostgresParser.parse("ALTER TABLE " + table.toSql() + " ADD CONSTRAINT "
                + QualifiedName.quote(name) + " " + def).statements();
        if (parsed.size() == 1 && parsed.get(0).statement() instanceof Statement.AlterTable at
                && at.actions().size() == 1 && at.actions().get(0) instanceof AlterAction.AddConstraint add) {
            return add.constraint();
        }
        return null;
    }

    /** Notes what a statement may have done to the rows or shape of tables, so later counts are not misleading. */
    private void track(Statement st, String where) {
        if (st instanceof Statement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.RenameColumn || a instanceof AlterAction.RenameTable
                        || a instanceof AlterAction.AlterColumnType || a instanceof AlterAction.DropColumn
                        || a instanceof AlterAction.SetSchema
                        || a instanceof AlterAction.AttachPartition || a instanceof AlterAction.DetachPartition) {
                    changed.add(SchemaModel.resolve(at.table()));
                }
                if (a instanceof AlterAction.RenameTable rt) {
                    changed.add(SchemaModel.resolve(new QualifiedName(at.table().schema(), rt.to())));
                }
            }
        } else if (st instanceof Statement.CreateTable ct) {
            changed.add(SchemaModel.resolve(ct.table()));
        } else if (st instanceof Statement.Insert i) {
            changed.add(SchemaModel.resolve(i.table()));
        } else if (st instanceof Statement.Update u) {
            changed.add(SchemaModel.resolve(u.table()));
        } else if (st instanceof Statement.Delete d) {
            changed.add(SchemaModel.resolve(d.table()));
        } else if (st instanceof Statement.Truncate t) {
            t.tables().forEach(x -> changed.add(SchemaModel.resolve(x)));
        } else if (st instanceof Statement.Drop d && d.kind() == ObjectKind.TABLE) {
            d.names().forEach(x -> changed.add(SchemaModel.resolve(x)));
        } else if (st instanceof Statement.RenameObject r) {
            changed.add(SchemaModel.resolve(r.name()));
            changed.add(SchemaModel.resolve(new QualifiedName(r.name().schema(), r.newName())));
        } else if (st instanceof Statement.DoBlock || st instanceof Statement.Opaque
                || st instanceof Statement.Invalid) {
            // Anything could have happened to any table.
            stoppedAt = where;
            listener.on(Listener.Level.INFO, "Data checks stop at " + where + ": the statement may change rows "
                    + "the analysis cannot follow");
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
