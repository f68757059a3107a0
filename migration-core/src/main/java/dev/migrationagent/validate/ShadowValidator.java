package dev.migrationagent.validate;

import dev.migrationagent.introspect.PostgresIntrospector;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.Relation;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.TraceError;
import dev.migrationagent.trace.Tracer;
import dev.migrationagent.trace.Validation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a traced script beyond its trace: whether the shadow's schema afterwards is the one its statements announce,
 * and whether a non-transactional script survives a second run; also compares a target with the replayed baseline.
 * See {@code docs/validation.md}.
 */
public final class ShadowValidator {
    /**
     * A validated script.
     *
     * @param trace the trace with each statement's {@link Validation}
     * @param after the shadow's schema after the script (and its re-run), the next script's starting point, or
     *     {@code null} when it could not be read
     */
    public record Result(ScriptTrace trace, SchemaModel after) {}

    // Opaque statements that cannot create, drop or reshape a table, view, column, constraint or index, so the model
    // ignoring them does not make its prediction less certain.
    private static final Set<String> HARMLESS = Set.of("CREATE POLICY", "ALTER POLICY", "DROP POLICY", "DROP TRIGGER",
            "ALTER TRIGGER", "CREATE ROLE", "CREATE USER", "CREATE GROUP", "ALTER ROLE", "ALTER USER", "ALTER GROUP",
            "DROP ROLE", "DROP USER", "DROP GROUP", "ALTER DEFAULT", "ALTER FUNCTION", "ALTER PROCEDURE",
            "DROP FUNCTION", "DROP PROCEDURE", "CREATE STATISTICS", "DROP STATISTICS", "SELECT", "CALL");

    private ShadowValidator() {}

    /**
     * Like {@link #read(Connection)}, but {@code null} when the catalog cannot be read (the introspector needs
     * PostgreSQL 12 or later): validation is a bonus on top of the trace, never a reason to lose it.
     */
    public static SchemaModel tryRead(Connection c) {
        try {
            return read(c);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Reads the shadow's schema (about a dozen catalog queries), leaving the session writable as it was. */
    public static SchemaModel read(Connection c) throws SQLException {
        String timeout;
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            timeout = rs.getString(1);
        }
        // The introspector makes its session read-only for the target's sake; the shadow must stay writable.
        SchemaModel model = new PostgresIntrospector().introspect(c).model();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT set_config('default_transaction_read_only', 'off', false), "
                + "set_config('statement_timeout', ?, false)")) {
            s.setString(1, timeout);
            s.execute();
        } finally {
            c.setAutoCommit(auto);
        }
        return model;
    }

    /**
     * Traces one script on {@code c} and validates it: the whole path for a single reviewed script.
     *
     * @param target the target's schema to check for drift from {@code c}'s current one, or {@code null}
     */
    public static ScriptTrace trace(Connection c, Tracer tracer, String sql, boolean transactional,
            SchemaModel target) throws SQLException {
        return trace(c, tracer, sql, transactional, target, null);
    }

    /**
     * Traces one script on {@code c} and validates it, sampling the locks of statements that run outside any
     * transaction from a session that {@code sessions} opens (see {@link Tracer#trace(Connection, List, boolean,
     * Tracer.Sessions)}).
     *
     * @param target the target's schema to check for drift from {@code c}'s current one, or {@code null}
     * @param sessions opens a second session on {@code c}'s database, or {@code null}
     */
    public static ScriptTrace trace(Connection c, Tracer tracer, String sql, boolean transactional,
            SchemaModel target, Tracer.Sessions sessions) throws SQLException {
        List<ParsedStatement> statements = PostgresParser.parse(sql).statements();
        SchemaModel before = tryRead(c);
        List<String> drift = target == null || before == null ? List.of() : drift(target, before);
        ScriptTrace t = tracer.trace(c, statements.stream().map(ParsedStatement::text).toList(), transactional,
                sessions);
        return withDrift(script(c, before, statements, t).trace(), drift);
    }

    /**
     * Validates a traced script whose statements ran on {@code c}.
     *
     * @param before the shadow's schema before the script, or {@code null} when it could not be read; it is consumed
     *     (the statements are applied to it)
     * @param statements the script's statements, as traced
     * @param trace the script's trace
     * @throws SQLException when the shadow itself misbehaves
     */
    public static Result script(Connection c, SchemaModel before, List<ParsedStatement> statements,
            ScriptTrace trace) throws SQLException {
        SchemaModel after = tryRead(c);
        List<StatementTrace> out = new ArrayList<>(trace.statements());
        // A failed script is judged by its error; what it left behind is its fallout, not a surprise.
        if (trace.failure() != null || statements.size() != out.size() || out.isEmpty()) {
            return new Result(trace, after);
        }
        List<SchemaDiff.Difference> changes = before == null || after == null ? List.of()
                : unexpected(before, statements, after);
        Map<Integer, List<String>> byStatement = new TreeMap<>();
        for (SchemaDiff.Difference d : changes) {
            byStatement.computeIfAbsent(culprit(d, out), k -> new ArrayList<>()).add(phrase(d));
        }
        byStatement.forEach((i, texts) -> out.set(i, out.get(i).withValidation(out.get(i).validation()
                .withSchemaChanges(texts))));
        if (!trace.transactional()) {
            List<TraceError> again = rerun(c, statements);
            for (int i = 0; i < out.size(); i++) {
                if (again.get(i) != null) {
                    out.set(i, out.get(i).withValidation(out.get(i).validation().withRerunError(again.get(i))));
                }
            }
            after = tryRead(c);
        }
        return new Result(new ScriptTrace(trace.serverMajor(), trace.transactional(), out), after);
    }

    /**
     * What the target has that the replayed baseline lacks and the other way round, phrased for a reader.
     *
     * @param target the target's schema
     * @param baseline the shadow's schema after the applied migrations, before the reviewed ones
     */
    public static List<String> drift(SchemaModel target, SchemaModel baseline) {
        List<String> out = new ArrayList<>();
        for (SchemaDiff.Difference d : SchemaDiff.compare(baseline, target)) {
            out.add(switch (d.kind()) {
                case EXTRA -> "the target has " + d.object() + " that the applied migrations do not create";
                case MISSING -> "the target lacks " + d.object() + " that the applied migrations create";
                case CHANGED -> d.object() + " is " + detail(d.actual()) + " on the target but "
                        + detail(d.expected()) + " after the applied migrations";
            });
        }
        return out;
    }

    /** The trace with {@code drift} attached to its first statement. */
    public static ScriptTrace withDrift(ScriptTrace trace, List<String> drift) {
        if (drift.isEmpty() || trace.statements().isEmpty()) {
            return trace;
        }
        List<StatementTrace> out = new ArrayList<>(trace.statements());
        out.set(0, out.get(0).withValidation(out.get(0).validation().withDrift(drift)));
        return new ScriptTrace(trace.serverMajor(), trace.transactional(), out);
    }

    /**
     * The statement a difference belongs to: the one during which the relation appeared or went away, as the tracer
     * saw it; otherwise (a column or constraint, which the tracer does not follow) the script's last statement,
     * where the schema was read.
     */
    private static int culprit(SchemaDiff.Difference d, List<StatementTrace> traces) {
        if (d.relation() != null && d.kind() != SchemaDiff.Kind.CHANGED) {
            for (int i = 0; i < traces.size(); i++) {
                StatementTrace t = traces.get(i);
                List<Relation> seen = d.kind() == SchemaDiff.Kind.EXTRA ? t.created() : t.dropped();
                if (seen.stream().anyMatch(r -> r.schema().equals(d.relation().schema())
                        && r.name().equals(d.relation().name()))) {
                    return i;
                }
            }
        }
        return traces.size() - 1;
    }

    private static String phrase(SchemaDiff.Difference d) {
        return switch (d.kind()) {
            case EXTRA -> d.object() + " appeared, but no statement creates it";
            case MISSING -> d.object() + " is missing, but no statement drops it";
            case CHANGED -> d.object() + " is " + detail(d.actual()) + ", but the statements make it "
                    + detail(d.expected());
        };
    }

    private static List<SchemaDiff.Difference> unexpected(SchemaModel predicted, List<ParsedStatement> statements,
            SchemaModel actual) {
        Set<QualifiedName> shallow = new HashSet<>();
        Set<QualifiedName> ignored = new HashSet<>();
        for (ParsedStatement p : statements) {
            Statement s = p.statement();
            if (!understood(s)) {
                return List.of();
            }
            if (s instanceof Statement.Opaque) {
                continue;
            }
            uncertain(s, predicted, shallow, ignored);
            predicted.apply(s);
        }
        if (!predicted.isAuthoritative()) {
            return List.of();
        }
        return SchemaDiff.compare(predicted, actual, shallow, ignored);
    }

    private static String detail(String d) {
        return d.isEmpty() ? "different" : d;
    }

    // Statements whose effect on the schema the model cannot predict: comparing after them would only report the
    // model's blind spots.
    private static boolean understood(Statement s) {
        if (s instanceof Statement.Opaque o) {
            String k = o.keyword();
            return HARMLESS.contains(k) || !(k.startsWith("CREATE") || k.startsWith("ALTER") || k.startsWith("DROP")
                    || k.startsWith("IMPORT"));
        }
        if (s instanceof Statement.SetVariable v) {
            return !v.name().toLowerCase(Locale.ROOT).equals("search_path");
        }
        return !(s instanceof Statement.DoBlock || s instanceof Statement.Invalid
                || s instanceof Statement.CreateExtension);
    }

    // Tables whose parts the model cannot know: those built from a query, partitions (they inherit their parent's
    // columns, constraints and indexes under generated names), and temporary tables, which live in pg_temp.
    private static void uncertain(Statement s, SchemaModel model, Set<QualifiedName> shallow,
            Set<QualifiedName> ignored) {
        if (s instanceof Statement.CreateTable ct) {
            QualifiedName n = SchemaModel.resolve(ct.table());
            if (ct.temporary()) {
                ignored.add(n);
            } else if (ct.asSelect() || ct.partitionOf() != null) {
                shallow.add(n);
            }
        }
        QualifiedName touched = s instanceof Statement.AlterTable at ? at.table()
                : s instanceof Statement.CreateIndex ci ? ci.table() : null;
        Table t = touched == null ? null : model.table(touched);
        if (t != null && t.partitioned()) {
            model.partitionsOf(t.name()).forEach(p -> shallow.add(SchemaModel.resolve(p.name())));
        }
    }

    /**
     * Runs the script a second time, statement by statement in autocommit mode, as a retry after a half-applied
     * deploy would; the error of each statement that fails (or {@code null}) in script order.
     */
    private static List<TraceError> rerun(Connection c, List<ParsedStatement> statements) throws SQLException {
        c.setAutoCommit(true);
        List<TraceError> out = new ArrayList<>();
        for (ParsedStatement p : statements) {
            try (java.sql.Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(p.text());
                out.add(null);
            } catch (SQLException e) {
                TraceError error = TraceError.of(e);
                // 25P02: an earlier failure aborted the script's own BEGIN block; only the first failure is news.
                out.add(error.sqlState().equals("25P02") ? null : error);
                try (java.sql.Statement s = c.createStatement()) {
                    // Leaves a block the script opened itself; outside one PostgreSQL only warns.
                    s.execute("ROLLBACK");
                }
            }
        }
        return out;
    }
}
