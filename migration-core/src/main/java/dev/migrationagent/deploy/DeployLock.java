package dev.migrationagent.deploy;

import dev.migrationagent.api.Listener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The session advisory lock that makes deploys to one history table take turns. Polled with
 * {@code pg_try_advisory_lock} rather than waited for with {@code pg_advisory_lock}, so the wait is bounded and the
 * waiting session holds no lock request a concurrent index build could trip over.
 */
final class DeployLock {
    private DeployLock() {}

    /** Takes the lock, polling every {@code poll} for at most {@code wait}; false when it stayed taken. */
    static boolean acquire(Connection c, long key, Duration wait, Duration poll, Listener listener)
            throws SQLException {
        long until = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
            if (System.nanoTime() - until >= 0) {
                return false;
            }
            if (!told) {
                told = true;
                listener.on(Listener.Level.INFO, "Another deploy is running against this target; waiting up to "
                        + wait.toSeconds() + " s for it to finish");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Releases the lock; closing the connection would release it too. */
    static void release(Connection c, long key) {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, key);
            st.execute();
        } catch (SQLException e) {
            // The connection is closed next, which releases the lock as well.
        }
    }
}
