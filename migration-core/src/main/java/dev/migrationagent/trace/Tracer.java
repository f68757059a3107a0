package dev.migrationagent.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a migration's statements on a shadow database with the transaction structure they will have on deploy and
 * records, per statement, the relation locks its backend holds, the relations it rewrote, the indexes it left invalid,
 * its duration and its error.
 */
public final class Tracer {
    /**
     * Limits that keep a trace from hanging.
     *
     * @param lockTimeout {@code lock_timeout} of the tracing session
     * @param statementTimeout {@code statement_timeout} of the tracing session
     */
    public record Settings(Duration lockTimeout, Duration statementTimeout) {
        /** Nothing else uses a shadow, so any wait is a bug; statements on an almost empty schema are fast. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(60));

        public Settings {
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            Objects.requireNonNull(statementTimeout, "statementTimeout");
        }
    }

    // Only user relations: the tracer's own catalog queries take locks too, and those are not the migration's.
    private static final String RELATIONS = """
            SELECT c.oid, c.relfilenode, c.relkind, n.nspname, c.relname, coalesce(t.relname, c.relname),
                   coalesce(i.indisvalid, true)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = c.oid
            LEFT JOIN pg_class t ON t.oid = i.indrelid
            WHERE c.relkind IN ('r', 'p', 'i', 'I', 'm', 'v', 'S', 'f')
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'""";
    private static final String LOCKS = """
            SELECT relation, mode FROM pg_locks
            WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
    // The same locks, read from a second session while a statement that runs outside any transaction is under way.
    private static final String SAMPLE = """
            SELECT relation, mode FROM pg_locks
            WHERE pid = ? AND locktype = 'relation' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
    private static final String TABLES = """
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'""";
    // Statements that refuse a transaction block (CREATE INDEX CONCURRENTLY) or commit inside one (a DO block with
    // COMMIT): both need true autocommit.
    private static final Set<String> NEEDS_AUTOCOMMIT = Set.of("25001", "2D000");

    /** How often a second session samples the locks of a statement that runs outside any transaction. */
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(2);

    /**
     * Opens another session on the tracing connection's database, to watch the locks of a statement that runs
     * outside any transaction while it runs.
     */
    @FunctionalInterface
    public interface Sessions {
        /** A new connection to the same database; closed by the tracer. */
        Connection open() throws SQLException;
    }

    /**
     * Looks at the tracing session after each statement that succeeded, before the next one runs: inside the
     * script's transaction when it has one, so it sees that statement's uncommitted changes. Its own queries are
     * not part of any statement's trace.
     */
    @FunctionalInterface
    public interface Observer {
        /** Called with the tracing connection and the statement's index; must leave the session as it found it. */
        void afterStatement(Connection c, int index) throws SQLException;
    }

    private final Settings settings;

    /** A tracer with the given limits. */
    public Tracer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A tracer with {@link Settings#DEFAULT}. */
    public Tracer() {
        this(Settings.DEFAULT);
    }

    /**
     * Runs statements one by one in autocommit mode, to set up the schema a migration starts from.
     *
     * @throws SQLException from the first statement that fails
     */
    public void replay(Connection c, List<String> statements) throws SQLException {
        replay(c, statements, false);
    }

    /**
     * Runs an already applied script to rebuild the schema a migration starts from: as one transaction when
     * {@code transactional} (a failure rolls it back), else statement by statement in autocommit mode.
     *
     * @throws SQLException from the first statement that fails
     */
    public void replay(Connection c, List<String> statements, boolean transactional) throws SQLException {
        c.setAutoCommit(true);
        limit(c);
        c.setAutoCommit(!transactional);
        try {
            for (String sql : statements) {
                try (Statement s = c.createStatement()) {
                    s.setEscapeProcessing(false);
                    s.execute(sql);
                }
            }
            if (transactional) {
                c.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Traces one script. A transactional script runs as one transaction: the first failure rolls it back and the
     * rest is not run. Otherwise each statement commits on its own and the first failure stops the script, as
     * Flyway does.
     *
     * @throws SQLException when the shadow itself misbehaves (not when a statement fails)
     */
    public ScriptTrace trace(Connection c, List<String> statements, boolean transactional) throws SQLException {
        return trace(c, statements, transactional, null);
    }

    /**
     * Traces one script, as {@link #trace(Connection, List, boolean)} does; the locks of statements that must run
     * outside any transaction (such as {@code CREATE INDEX CONCURRENTLY}) are sampled while they run, from a
     * session that {@code sessions} opens.
     *
     * @param sessions opens a second session on {@code c}'s database, or {@code null} to leave those locks unread
     * @throws SQLException when the shadow itself misbehaves (not when a statement fails)
     */
    public ScriptTrace trace(Connection c, List<String> statements, boolean transactional, Sessions sessions)
            throws SQLException {
        return trace(c, statements, transactional, sessions, null);
    }

    /**
     * Traces one script, as {@link #trace(Connection, List, boolean, Sessions)} does, and calls {@code observer}
     * after each statement that succeeded.
     *
     * @param sessions opens a second session on {@code c}'s database, or {@code null} to leave those locks unread
     * @param observer looks at the session between statements, or {@code null}
     * @throws SQLException when the shadow itself misbehaves (not when a statement fails), or the observer fails
     */
    public ScriptTrace trace(Connection c, List<String> statements, boolean transactional, Sessions sessions,
            Observer observer) throws SQLException {
        c.setAutoCommit(true);
        limit(c);
        int major = c.getMetaData().getDatabaseMajorVersion();
        List<StatementTrace> out = new ArrayList<>();
        boolean stopped = false;
        // Inside a BEGIN ... COMMIT the script wrote itself (only in a non-transactional script).
        boolean scriptTx = false;
        if (transactional) {
            c.setAutoCommit(false);
        }
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            if (stopped) {
                out.add(StatementTrace.notRun(i, sql));
                continue;
            }
            String keyword = firstKeyword(sql);
            boolean control = isTransactionControl(keyword);
            // Autocommit statements run in a transaction of their own so their locks can still be read afterwards;
            // committing right after gives the same effect as autocommit.
            boolean wrap = !transactional && !scriptTx && !control;
            if (wrap) {
                c.setAutoCommit(false);
            }
            StatementTrace t = runOne(c, i, sql, transactional || scriptTx || wrap, null);
            if (wrap && t.status() == StatementTrace.Status.FAILED
                    && NEEDS_AUTOCOMMIT.contains(t.error().sqlState())) {
                // CREATE INDEX CONCURRENTLY and friends refuse a transaction block: run them as deploy would. Their
                // locks are gone by the time this session could look, so another session samples them meanwhile.
                c.rollback();
                c.setAutoCommit(true);
                wrap = false;
                t = runOne(c, i, sql, false, sessions);
            }
            if (t.status() == StatementTrace.Status.FAILED) {
                stopped = true;
                if (!c.getAutoCommit()) {
                    c.rollback();
                } else if (scriptTx) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                }
                if (t.error().isDataError()) {
                    List<String> prior = transactional ? statements.subList(0, i) : List.of();
                    t = t.withRewritten(probe(c, prior, sql));
                }
            } else if (wrap) {
                c.commit();
            }
            if (wrap) {
                c.setAutoCommit(true);
            }
            if (!transactional && control) {
                scriptTx = keyword.equals("BEGIN") || keyword.equals("START");
            }
            out.add(t);
            if (observer != null && !stopped) {
                observer.afterStatement(c, i);
            }
        }
        if (transactional && !stopped) {
            c.commit();
        }
        c.setAutoCommit(true);
        return new ScriptTrace(major, transactional, out);
    }

    /** @param sessions opens a session to sample the statement's locks while it runs, or {@code null} */
    private StatementTrace runOne(Connection c, int index, String sql, boolean inTransaction, Sessions sessions)
            throws SQLException {
        Map<Long, Snap> before = snapshot(c);
        Set<Held> locksBefore = inTransaction ? locks(c) : Set.of();
        Sampler sampler = sessions == null ? null : Sampler.start(sessions, backendPid(c), deadline());
        Set<Held> sampled = null;
        long start = System.nanoTime();
        TraceError error = null;
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(sql);
        } catch (SQLException e) {
            error = error(e);
        } finally {
            if (sampler != null) {
                sampled = sampler.stop();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (error != null) {
            // Outside a transaction a failure is not undone: a failed CREATE INDEX CONCURRENTLY leaves its index.
            List<Relation> left = inTransaction ? List.of() : invalid(before, snapshot(c));
            return new StatementTrace(index, sql, StatementTrace.Status.FAILED, false, false, List.of(), List.of(),
                    List.of(), left, List.of(), List.of(), took, error, Validation.NONE);
        }
        // After a COMMIT or ROLLBACK in the script the backend is outside any transaction: nothing left to read.
        boolean observable = inTransaction && inTransactionBlock(c);
        Set<Held> held = observable ? locks(c) : sampled != null ? sampled : Set.of();
        Map<Long, Snap> after = snapshot(c);
        Map<Long, Snap> names = new HashMap<>(before);
        names.putAll(after);
        List<LockHeld> locks = new ArrayList<>();
        List<LockHeld> acquired = new ArrayList<>();
        for (Held h : held) {
            Snap s = names.get(h.oid());
            if (s == null) {
                continue;
            }
            LockHeld l = new LockHeld(s.relation(), h.mode());
            locks.add(l);
            if (!locksBefore.contains(h)) {
                acquired.add(l);
            }
        }
        return new StatementTrace(index, sql, StatementTrace.Status.OK, observable, sampled != null, locks,
                acquired, rewrites(before, after), invalid(before, after), named(after, before), named(before, after),
                took, null, Validation.NONE);
    }

    // By name, not oid: an index that ALTER COLUMN TYPE rebuilt under the same name neither appeared nor went away.
    private static List<Relation> named(Map<Long, Snap> in, Map<Long, Snap> notIn) {
        Set<String> names = new java.util.HashSet<>();
        notIn.values().forEach(s -> names.add(s.relation().qualified()));
        return in.values().stream().map(Snap::relation).filter(r -> !names.contains(r.qualified())).toList();
    }

    private static List<Relation> invalid(Map<Long, Snap> before, Map<Long, Snap> after) {
        List<Relation> invalid = new ArrayList<>();
        for (Map.Entry<Long, Snap> e : after.entrySet()) {
            Snap now = e.getValue();
            Snap was = before.get(e.getKey());
            if (!now.valid() && (was == null || was.valid())) {
                invalid.add(now.relation());
            }
        }
        return invalid;
    }

    private static List<Relation> rewrites(Map<Long, Snap> before, Map<Long, Snap> after) {
        Set<String> dropped = new java.util.HashSet<>();
        for (Map.Entry<Long, Snap> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                dropped.add(e.getValue().relation().qualified());
            }
        }
        List<Relation> rewritten = new ArrayList<>();
        for (Map.Entry<Long, Snap> e : after.entrySet()) {
            Snap now = e.getValue();
            Snap was = before.get(e.getKey());
            // Partitioned tables and indexes have no storage (relfilenode 0); views neither.
            boolean newFile = was != null && now.filenode() != 0 && was.filenode() != 0
                    && was.filenode() != now.filenode();
            // ALTER COLUMN TYPE rebuilds an index by dropping and recreating it: same name, new oid.
            boolean rebuiltIndex = was == null && now.relation().kind() == Relation.Kind.INDEX
                    && dropped.contains(now.relation().qualified());
            if (newFile || rebuiltIndex) {
                rewritten.add(now.relation());
            }
        }
        return rewritten;
    }

    /**
     * A statement that failed on existing rows never got to its rewrite. Run it again on emptied tables (after the
     * statements of its transaction that preceded it) and roll everything back, to see what it would rewrite once the
     * rows are fixed.
     */
    private List<Relation> probe(Connection c, List<String> prior, String sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", tables));
            }
            for (String p : prior) {
                s.execute(p);
            }
            Map<Long, Snap> before = snapshot(c);
            s.execute(sql);
            return rewrites(before, snapshot(c));
        } catch (SQLException e) {
            // The probe is a best effort; the real failure is already recorded.
            return List.of();
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private void limit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = " + settings.lockTimeout().toMillis());
            s.execute("SET statement_timeout = " + settings.statementTimeout().toMillis());
        }
    }

    private long deadline() {
        // A statement cannot outlast its statement_timeout; the margin covers the round trips around it.
        return System.nanoTime() + settings.statementTimeout().plusSeconds(1).toNanos();
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Polls, from a second session on a thread of its own, the relation locks another backend holds, until stopped
     * or past a deadline. A sample, not a record: a lock held for less than the polling interval may be missed.
     */
    private static final class Sampler implements Runnable {
        private final Connection session;
        private final PreparedStatement query;
        private final long deadline;
        // Written by the polling thread only, read after it ended.
        private final Set<Held> seen = new LinkedHashSet<>();
        private final Thread thread;
        private final CountDownLatch running = new CountDownLatch(1);
        private volatile boolean done;

        private Sampler(Connection session, PreparedStatement query, long deadline) {
            this.session = session;
            this.query = query;
            this.deadline = deadline;
            this.thread = new Thread(this, "migration-agent-lock-sampler");
            thread.setDaemon(true);
        }

        /** A running sampler of {@code pid}'s locks, or {@code null} when no second session could be opened. */
        static Sampler start(Sessions sessions, int pid, long deadline) {
            Connection session = null;
            try {
                session = sessions.open();
                session.setAutoCommit(true);
                PreparedStatement query = session.prepareStatement(SAMPLE);
                query.setInt(1, pid);
                Sampler s = new Sampler(session, query, deadline);
                s.thread.start();
                try {
                    // So that a short statement does not end before the first sample; bounded should threads starve.
                    s.running.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return s;
            } catch (SQLException | RuntimeException e) {
                // Best effort: without a second session the statement's locks stay unread, as they used to.
                closeQuietly(session);
                return null;
            }
        }

        @Override
        public void run() {
            running.countDown();
            try {
                while (!done && System.nanoTime() < deadline) {
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            seen.add(new Held(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    LockSupport.parkNanos(SAMPLE_EVERY.toNanos());
                }
            } catch (SQLException e) {
                // Best effort: keep what was seen so far.
            }
        }

        /** Stops polling, closes the second session and returns the distinct locks seen. */
        Set<Held> stop() {
            done = true;
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                closeQuietly(session);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return seen;
        }

        private static void closeQuietly(Connection c) {
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (SQLException e) {
                // Nothing to do: the session is gone either way.
            }
        }
    }

    private static boolean inTransactionBlock(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            return true;
        }
        // pg_current_xact_id_if_assigned is PG13+; the transaction status is what matters, and the driver tracks it.
        return c.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                != org.postgresql.core.TransactionState.IDLE;
    }

    private static Map<Long, Snap> snapshot(Connection c) throws SQLException {
        Map<Long, Snap> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RELATIONS)) {
            while (rs.next()) {
                Relation r = new Relation(rs.getString(4), rs.getString(5), Relation.Kind.of(rs.getString(3)),
                        rs.getString(6));
                out.put(rs.getLong(1), new Snap(r, rs.getLong(2), rs.getBoolean(7)));
            }
        }
        return out;
    }

    private static Set<Held> locks(Connection c) throws SQLException {
        Set<Held> out = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LOCKS)) {
            while (rs.next()) {
                out.add(new Held(rs.getLong(1), rs.getString(2)));
            }
        }
        return out;
    }

    private static TraceError error(SQLException e) {
        return TraceError.of(e);
    }

    private static boolean isTransactionControl(String keyword) {
        return switch (keyword) {
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT" -> true;
            default -> false;
        };
    }

    /** The first word of a statement, after leading comments, upper-cased. */
    static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int j = i;
        while (j < n && Character.isLetter(sql.charAt(j))) {
            j++;
        }
        return sql.substring(i, j).toUpperCase(Locale.ROOT);
    }

    private record Snap(Relation relation, long filenode, boolean valid) {}

    private record Held(long oid, String mode) {}
}
