package dev.migrationagent.validate;

import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.introspect.OutlineEntry;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Like {@link #tryRead(Connection, HistoryTable)} for Flyway's default history table. */
    public static SchemaModel tryRead(Connection c) {
        return tryRead(c, HistoryTable.DEFAULT);
    }

    /**
     * Like {@link #read(Connection, HistoryTable)}, but {@code null} when the catalog cannot be read (the introspector
     * needs PostgreSQL 12 or later): validation is a bonus on top of the trace, never a reason to lose it.
     */
    public static SchemaModel tryRead(Connection c, HistoryTable history) {
        try {
            return read(c, history);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Like {@link #read(Connection, HistoryTable)} for Flyway's default history table. */
    public static SchemaModel read(Connection c) throws SQLException {
        return read(c, HistoryTable.DEFAULT);
    }

    /**
     * Reads the shadow's schema (about a dozen catalog queries), leaving the session and any open transaction as
     * they were (see {@link PostgresIntrospector#readWithin(Connection)}).
     *
     * @param history Flyway's history table, which is no part of the schema
     */
    public static SchemaModel read(Connection c, HistoryTable history) throws SQLException {
        return new PostgresIntrospector(PostgresIntrospector.DEFAULT_STATEMENT_TIMEOUT, history).readWithin(c);
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
        SchemaModel before = tryRead(c);
        List<String> drift = target == null || before == null ? List.of() : drift(target, before);
        return withDrift(traceScript(c, tracer, before, PostgresParser.parse(sql).statements(), transactional,
                sessions, HistoryTable.DEFAULT).trace(), drift);
    }

    /**
     * Traces one script's statements on {@code c} and validates them: each difference between the schema the
     * statements announce and the one the shadow has goes to the statement that caused it, because the schema is
     * also outlined between statements (inside the script's transaction, whose uncommitted changes catalog reads
     * see); a non-transactional script then runs a second time.
     *
     * @param before the shadow's schema before the script, or {@code null} when it could not be read (then nothing
     *     is outlined between statements either); it is consumed (statements are applied to it)
     * @param statements the script's statements
     * @param sessions opens a second session on {@code c}'s database, or {@code null}
     * @param history Flyway's history table on the shadow, which is no part of the schema
     * @throws SQLException when the shadow itself misbehaves
     */
    public static Result traceScript(Connection c, Tracer tracer, SchemaModel before, List<ParsedStatement> statements,
            boolean transactional, Tracer.Sessions sessions, HistoryTable history) throws SQLException {
        Outlines outlines = new Outlines(statements, before != null, history);
        outlines.start(c);
        ScriptTrace trace = tracer.trace(c, statements.stream().map(ParsedStatement::text).toList(), transactional,
                sessions, outlines);
        SchemaModel after = tryRead(c, history);
        List<StatementTrace> out = new ArrayList<>(trace.statements());
        // A failed script is judged by its error; what it left behind is its fallout, not a surprise.
        if (trace.failure() != null || statements.size() != out.size() || out.isEmpty()) {
            return new Result(trace, after);
        }
        Map<Integer, List<String>> byStatement = before == null || after == null ? Map.of()
                : unexpected(before, statements, outlines.taken, after, out);
        byStatement.forEach((i, texts) -> out.set(i, out.get(i).withValidation(out.get(i).validation()
                .withSchemaChanges(texts))));
        if (!trace.transactional()) {
            List<TraceError> again = rerun(c, statements);
            for (int i = 0; i < out.size(); i++) {
                if (again.get(i) != null) {
                    out.set(i, out.get(i).withValidation(out.get(i).validation().withRerunError(again.get(i))));
                }
            }
            after = tryRead(c, history);
        }
        return new Result(new ScriptTrace(trace.serverMajor(), trace.transactional(), out), after);
    }

    /**
     * Outlines the shadow's schema before the script and after each statement that may change it (see
     * {@link PostgresIntrospector#outline}): one light query per statement, where a full read per statement would
     * cost several times the trace of a DDL statement. Nothing is outlined for a script that will not be compared,
     * nor for one with a single statement that may change the schema.
     */
    private static final class Outlines implements Tracer.Observer {
        // Index 0: before the script; index i + 1: after statement i, or null when not taken. Kept raw: they are
        // only looked at when the script changed the schema unexpectedly.
        final List<List<OutlineEntry>> taken;
        private final boolean[] wanted;
        private final PostgresIntrospector introspector;

        Outlines(List<ParsedStatement> statements, boolean enabled, HistoryTable history) {
            taken = new ArrayList<>(Collections.nCopies(statements.size() + 1, null));
            wanted = new boolean[statements.size()];
            introspector = new PostgresIntrospector(PostgresIntrospector.DEFAULT_STATEMENT_TIMEOUT, history);
            boolean compared = enabled && comparable(statements);
            int count = 0;
            for (int i = 0; i < statements.size(); i++) {
                wanted[i] = compared && !inert(statements.get(i).statement());
                count += wanted[i] ? 1 : 0;
            }
            if (count < 2) {
                // One statement that can change the schema is the culprit of every difference: nothing to tell apart.
                Arrays.fill(wanted, false);
            }
        }

        /** Outlines the schema the script starts from, when any statement will be outlined. */
        void start(Connection c) {
            for (boolean w : wanted) {
                if (w) {
                    taken.set(0, outline(c));
                    return;
                }
            }
        }

        @Override
        public void afterStatement(Connection c, int index) {
            if (wanted[index]) {
                taken.set(index + 1, outline(c));
            }
        }

        private List<OutlineEntry> outline(Connection c) {
            try {
                return introspector.outline(c);
            } catch (SQLException e) {
                // The savepoint undid the failed query; the next outline then covers this statement too.
                return null;
            }
        }
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
     * The statement a difference belongs to: the last one during which its object changed on the shadow (by the
     * outlines) or in the prediction; without outlines, the one during which the relation appeared or went away as
     * the tracer saw it; otherwise {@code fallback}.
     *
     * @param actual the outlines, index 0 before the script and i + 1 after statement i, {@code null} where not taken
     * @param predicted the predicted objects, indexed likewise
     * @param fallback the script's last statement that can change the schema
     */
    private static int culprit(SchemaDiff.Difference d, List<Map<String, String>> actual,
            List<Map<String, String>> predicted, List<StatementTrace> traces, int fallback) {
        int changed = Math.max(lastChange(d.object(), actual), lastChange(d.object(), predicted));
        if (changed >= 0) {
            return changed;
        }
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
        return fallback;
    }

    /**
     * The index of the last statement after which {@code object} differs from the step before, skipping steps that
     * were not taken (a change across one goes to the statement after it); -1 when it never changes.
     */
    private static int lastChange(String object, List<Map<String, String>> steps) {
        int last = -1;
        Map<String, String> previous = steps.get(0);
        for (int i = 1; i < steps.size(); i++) {
            Map<String, String> now = steps.get(i);
            if (now == null) {
                continue;
            }
            if (previous != null && !Objects.equals(previous.get(object), now.get(object))) {
                last = i - 1;
            }
            previous = now;
        }
        return last;
    }

    private static String phrase(SchemaDiff.Difference d) {
        return switch (d.kind()) {
            case EXTRA -> d.object() + " appeared, but no statement creates it";
            case MISSING -> d.object() + " is missing, but no statement drops it";
            case CHANGED -> d.object() + " is " + detail(d.actual()) + ", but the statements make it "
                    + detail(d.expected());
        };
    }

    /**
     * The unexpected differences by statement index: the script's statements applied to the schema before it, then
     * compared with the schema after it, each difference going to its {@link #culprit}.
     *
     * @param before the schema before the script; consumed
     * @param outlines the outlines taken while the script ran, as {@link Outlines#taken}
     */
    private static Map<Integer, List<String>> unexpected(SchemaModel before, List<ParsedStatement> statements,
            List<List<OutlineEntry>> outlines, SchemaModel after, List<StatementTrace> traces) {
        if (!comparable(statements)) {
            return Map.of();
        }
        // Kept for the rare script with differences, whose culprits need the prediction statement by statement.
        SchemaModel start = before.copy();
        Set<QualifiedName> shallow = new HashSet<>();
        Set<QualifiedName> ignored = new HashSet<>();
        boolean applied = predict(before, statements, shallow, ignored, null);
        if (applied && !before.isAuthoritative()) {
            return Map.of();
        }
        List<SchemaDiff.Difference> differences = SchemaDiff.compare(before, after, shallow, ignored);
        if (differences.isEmpty()) {
            return Map.of();
        }
        List<Map<String, String>> actual = outlines.stream().map(o -> o == null ? null : SchemaDiff.objects(o))
                .toList();
        List<Map<String, String>> predicted = new ArrayList<>();
        Set<QualifiedName> shallowAgain = new HashSet<>();
        Set<QualifiedName> ignoredAgain = new HashSet<>();
        predicted.add(SchemaDiff.objects(start, shallowAgain, ignoredAgain));
        predict(start, statements, shallowAgain, ignoredAgain,
                () -> predicted.add(SchemaDiff.objects(start, shallowAgain, ignoredAgain)));
        int fallback = statements.size() - 1;
        while (fallback > 0 && inert(statements.get(fallback).statement())) {
            fallback--;
        }
        Map<Integer, List<String>> found = new TreeMap<>();
        for (SchemaDiff.Difference d : differences) {
            found.computeIfAbsent(culprit(d, actual, predicted, traces, fallback), k -> new ArrayList<>())
                    .add(phrase(d));
        }
        return found;
    }

    /**
     * Applies the statements to {@code model}, noting the tables it cannot know the parts of; an opaque statement
     * the model knows to be harmless changes nothing in the prediction, so whatever it changed on the shadow is
     * unexpected. Runs {@code afterEach} after each statement, when given.
     *
     * @return whether any statement was applied
     */
    private static boolean predict(SchemaModel model, List<ParsedStatement> statements, Set<QualifiedName> shallow,
            Set<QualifiedName> ignored, Runnable afterEach) {
        boolean applied = false;
        for (ParsedStatement p : statements) {
            Statement s = p.statement();
            if (!(s instanceof Statement.Opaque)) {
                uncertain(s, model, shallow, ignored);
                model.apply(s);
                applied = true;
            }
            if (afterEach != null) {
                afterEach.run();
            }
        }
        return applied;
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
        return !(s instanceof Statement.DoBlock || s instanceof Statement.Invalid
                || s instanceof Statement.CreateExtension);
    }

    // A script is compared only when the model can follow every statement of it.
    private static boolean comparable(List<ParsedStatement> statements) {
        return statements.stream().map(ParsedStatement::statement).allMatch(s -> understood(s) && !changesSearchPath(s));
    }

    // Unqualified names resolve elsewhere afterwards, while the model keeps resolving them to public.
    private static boolean changesSearchPath(Statement s) {
        String name = s instanceof Statement.SetVariable v ? v.name()
                : s instanceof Statement.ResetVariable r ? r.name() : null;
        return name != null && (name.equalsIgnoreCase("search_path") || name.equalsIgnoreCase("all"));
    }

    // Statements that change no table, view, column, constraint or index, and fire no trigger: reading the schema
    // after them would only repeat the reading before them.
    private static boolean inert(Statement s) {
        return s instanceof Statement.Transaction || s instanceof Statement.SetVariable
                || s instanceof Statement.ResetVariable || s instanceof Statement.Analyze
                || s instanceof Statement.Vacuum || s instanceof Statement.Comment || s instanceof Statement.Grant
                || s instanceof Statement.LockTable || s instanceof Statement.Reindex || s instanceof Statement.Cluster
                || s instanceof Statement.RefreshMaterializedView;
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
