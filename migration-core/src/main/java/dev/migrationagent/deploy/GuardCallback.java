package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Sets the guards on Flyway's migration connection before every statement ({@code beforeEachMigrateStatement} runs
 * on that connection, inside the migration's transaction when there is one), and remembers which statement runs so
 * a failure can be located. Session-level {@code set_config} rather than {@code SET LOCAL}, which has no effect
 * outside a transaction block (non-transactional scripts); the next statement's callback overwrites it anyway.
 */
final class GuardCallback extends BaseCallback {
    private final DeployGuards guards;
    private final Monitor monitor;
    private final int serverMajor;
    private volatile Duration attemptLockTimeout;
    private volatile long deadlineNanos;
    private volatile List<ParsedStatement> statements = List.of();
    private volatile int next;
    private volatile ParsedStatement current;
    private volatile boolean statementFailed;

    GuardCallback(DeployGuards guards, Monitor monitor, int serverMajor) {
        this.guards = guards;
        this.monitor = monitor;
        this.serverMajor = serverMajor;
    }

    /** Prepares an attempt at a script: its parsed statements, this attempt's lock timeout, the budget's end. */
    void arm(List<ParsedStatement> scriptStatements, Duration lockTimeout, long deadline) {
        statements = List.copyOf(scriptStatements);
        attemptLockTimeout = lockTimeout;
        deadlineNanos = deadline;
        next = 0;
        current = null;
        statementFailed = false;
    }

    /** The statement that ran last (the failing one after a failure), or {@code null}. */
    ParsedStatement current() {
        return current;
    }

    /** Whether Flyway reported a statement error (as opposed to a failure around the statements). */
    boolean statementFailed() {
        return statementFailed;
    }

    /** How many statements of the script were started in this attempt. */
    int started() {
        return next;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE_STATEMENT
                || event == Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                beforeMigration(context.getConnection());
            } else if (event == Event.BEFORE_EACH_MIGRATE_STATEMENT) {
                beforeStatement(context.getConnection(), context.getStatement().getSql());
            } else {
                statementFailed = true;
            }
        } catch (SQLException e) {
            throw new FlywayException("migration-agent could not set the deploy guards: " + e.getMessage(), e);
        }
    }

    private void beforeMigration(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            monitor.watch(rs.getInt(1));
        }
        if (serverMajor >= 14) {
            // A deployer killed mid-statement: the server notices the lost client within a second and rolls back,
            // instead of finishing the statement (and holding its locks) for nobody.
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('client_connection_check_interval', '1000', false)");
            }
        }
    }

    private void beforeStatement(Connection c, String flywaySql) throws SQLException {
        ParsedStatement s = match(flywaySql);
        current = s;
        StepKind kind = s == null ? StepKind.CATALOG : StepKind.of(s.statement());
        Timeouts t = timeouts(kind, guards, attemptLockTimeout, deadlineNanos - System.nanoTime());
        try (PreparedStatement st = c.prepareStatement(
                "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)")) {
            st.setString(1, t.lockMillis() + "ms");
            st.setString(2, t.statementMillis() + "ms");
            st.execute();
        }
    }

    /** The timeouts of one statement. */
    record Timeouts(long lockMillis, long statementMillis) {}

    /**
     * The timeouts of a statement of {@code kind}: the statement timeout is the kind's, cut to what is left of the
     * budget; the lock timeout never exceeds the statement timeout. Neither is ever 0 (PostgreSQL's "no limit").
     */
    static Timeouts timeouts(StepKind kind, DeployGuards guards, Duration attemptLockTimeout, long budgetLeftNanos) {
        long statement = Math.max(1, Math.min(kind.statementTimeout(guards).toMillis(), budgetLeftNanos / 1_000_000));
        long lock = Math.max(1, Math.min(kind.lockTimeout(guards, attemptLockTimeout).toMillis(), statement));
        return new Timeouts(lock, statement);
    }

    // Flyway's splitter and ours agree on statements but not on surrounding whitespace and comments: match on the
    // text without whitespace, from the statement after the last one matched.
    private ParsedStatement match(String flywaySql) {
        String wanted = squash(flywaySql);
        List<ParsedStatement> list = statements;
        for (int i = next; i < list.size(); i++) {
            String ours = squash(list.get(i).text());
            if (!ours.isEmpty() && (wanted.contains(ours) || ours.contains(wanted))) {
                next = i + 1;
                return list.get(i);
            }
        }
        if (next < list.size()) {
            return list.get(next++);
        }
        return null;
    }

    private static String squash(String sql) {
        String s = sql.replaceAll("\\s+", "");
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    /** The parsed statements of a script. */
    static List<ParsedStatement> parse(String sql) {
        return PostgresParser.parse(sql).statements();
    }
}
