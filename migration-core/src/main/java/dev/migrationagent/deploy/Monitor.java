package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Listener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the migration's backend from a connection of its own: which sessions it waits for, which wait for it
 * ({@code pg_blocking_pids}, which also reports sessions queued behind a waiting lock request), and the budget.
 * It cancels the migration's running statement ({@code pg_cancel_backend}, never another session's) when a session
 * has waited on it longer than the threshold or when the budget is over; the deploy then reads {@link #cancel()}
 * to tell those cancels from a statement timeout.
 *
 * <p>Its own queries are short autocommit statements, so it holds no snapshot a concurrent index build would wait
 * for.
 */
final class Monitor implements AutoCloseable {
    /** Why the monitor cancelled the migration's statement. */
    enum Cancel {
        BUDGET, BLOCKING
    }

    private static final String SESSIONS = "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''), "
            + "left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 200), "
            + "a.pid = ANY(pg_blocking_pids(?)) AS blocks_us, "
            + "(SELECT m.wait_event_type = 'Lock' FROM pg_stat_activity m WHERE m.pid = ?) AS we_wait "
            + "FROM pg_stat_activity a WHERE a.pid <> pg_backend_pid() AND a.pid <> ? "
            + "AND (a.pid = ANY(pg_blocking_pids(?)) OR ? = ANY(pg_blocking_pids(a.pid)))";

    private final Connection connection;
    private final Duration interval;
    private final Duration threshold;
    private final Listener listener;
    private final Thread thread;
    private final Map<Integer, Seen> blockedBy = new LinkedHashMap<>();
    private final Map<Integer, Seen> blocked = new LinkedHashMap<>();
    private volatile int pid;
    private volatile long deadlineNanos;
    private volatile Cancel cancel;
    private volatile boolean waitingOnLockAtCancel;
    private volatile boolean running = true;

    /** A session while it is seen; {@code since} resets when it disappears. */
    private static final class Seen {
        final String application;
        final String state;
        String query;
        long since;
        long current;
        long longest;
        boolean present;

        Seen(String application, String state, String query) {
            this.application = application;
            this.state = state;
            this.query = query;
        }
    }

    Monitor(Connection connection, Duration interval, Duration threshold, long deadlineNanos, Listener listener) {
        this.connection = connection;
        this.interval = interval;
        this.threshold = threshold;
        this.deadlineNanos = deadlineNanos;
        this.listener = listener;
        this.thread = new Thread(this::loop, "migration-agent-deploy-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching the backend that runs the migration's statements. */
    void watch(int backendPid) {
        pid = backendPid;
    }

    /** Clears the last cancel before a new attempt. */
    void rearm() {
        cancel = null;
        waitingOnLockAtCancel = false;
    }

    /** Why the monitor last cancelled the migration, or {@code null}. */
    Cancel cancel() {
        return cancel;
    }

    /** Whether the migration was waiting for a lock when the monitor cancelled it for blocking others. */
    boolean waitingOnLockAtCancel() {
        return waitingOnLockAtCancel;
    }

    /** Sessions the migration waited for, longest wait first. */
    synchronized List<DeployResult.Session> blockedBy() {
        return sessions(blockedBy);
    }

    /** Sessions that waited on the migration, longest wait first. */
    synchronized List<DeployResult.Session> blocked() {
        return sessions(blocked);
    }

    private void loop() {
        try (PreparedStatement sessions = connection.prepareStatement(SESSIONS);
                PreparedStatement cancelStatement = connection.prepareStatement("SELECT pg_cancel_backend(?)")) {
            while (running) {
                Thread.sleep(interval.toMillis());
                int p = pid;
                if (p == 0) {
                    continue;
                }
                boolean weWait = poll(sessions, p);
                Cancel reason = null;
                if (System.nanoTime() - deadlineNanos > 0) {
                    reason = Cancel.BUDGET;
                } else if (longestCurrentWait() > threshold.toMillis()) {
                    reason = Cancel.BLOCKING;
                }
                if (reason != null && cancel == null && active(p)) {
                    waitingOnLockAtCancel = weWait;
                    cancel = reason;
                    cancelStatement.setInt(1, p);
                    cancelStatement.execute();
                    listener.on(Listener.Level.WARN, reason == Cancel.BUDGET
                            ? "Deploy budget exhausted: cancelling the migration's statement (backend " + p + ")"
                            : "The migration blocked other sessions for more than " + threshold.toMillis()
                                    + " ms: cancelling its statement (backend " + p + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            if (running) {
                listener.on(Listener.Level.WARN, "Deploy monitor stopped: " + e.getMessage()
                        + "; statement timeouts still bound the migration");
            }
        }
    }

    private boolean active(int p) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT state = 'active' FROM pg_stat_activity WHERE pid = ?")) {
            st.setInt(1, p);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // Returns whether the migration itself waits for a lock.
    private synchronized boolean poll(PreparedStatement st, int p) throws SQLException {
        for (int i = 1; i <= 5; i++) {
            st.setInt(i, p);
        }
        long now = System.nanoTime() / 1_000_000;
        blockedBy.values().forEach(s -> s.present = false);
        blocked.values().forEach(s -> s.present = false);
        boolean weWait = false;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                boolean blocksUs = rs.getBoolean(5);
                weWait |= rs.getBoolean(6);
                Map<Integer, Seen> into = blocksUs ? blockedBy : blocked;
                Seen s = into.computeIfAbsent(rs.getInt(1), k -> new Seen(text(rs, 2), text(rs, 3), text(rs, 4)));
                if (!s.present && s.current == 0) {
                    s.since = now;
                }
                s.present = true;
                s.query = text(rs, 4);
                s.current = now - s.since + interval.toMillis();
                s.longest = Math.max(s.longest, s.current);
            }
        }
        for (Map<Integer, Seen> m : List.of(blockedBy, blocked)) {
            for (Seen s : m.values()) {
                if (!s.present) {
                    s.current = 0;
                }
            }
        }
        return weWait;
    }

    private synchronized long longestCurrentWait() {
        return blocked.values().stream().mapToLong(s -> s.present ? s.current : 0).max().orElse(0);
    }

    private static String text(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return "";
        }
    }

    private static List<DeployResult.Session> sessions(Map<Integer, Seen> seen) {
        List<DeployResult.Session> list = new ArrayList<>();
        seen.forEach((pid, s) -> list.add(new DeployResult.Session(pid, s.application, s.state, s.longest, s.query)));
        list.sort((a, b) -> Long.compare(b.waitedMillis(), a.waitedMillis()));
        return list;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
