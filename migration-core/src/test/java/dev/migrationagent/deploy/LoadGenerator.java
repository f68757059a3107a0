package dev.migrationagent.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client traffic on the table being migrated while a deploy runs: inserters, an updater and a reader, each on its
 * own autocommit connection. It records every acknowledged write (a statement that returned normally is
 * committed), so a test can prove that none was lost: the row count, the sum of the inserted ids and the sum of the
 * counters must match what the clients were told.
 */
public final class LoadGenerator implements AutoCloseable {
    /** Opens a client connection. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final String table;
    private final long seedRows;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> writeLatencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ackedInserts = new AtomicLong();
    private final AtomicLong ackedIdSum = new AtomicLong();
    private final AtomicLong ackedIncrements = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorMessages = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    /**
     * Starts the load on {@code table(id bigserial primary key, n int, note text)} whose ids {@code 1..seedRows}
     * exist.
     */
    public LoadGenerator(Connector connector, String table, long seedRows, int inserters, int updaters,
            int readers) {
        this.table = table;
        this.seedRows = seedRows;
        for (int i = 0; i < inserters; i++) {
            start(connector, "INSERT INTO " + table + " (note) VALUES ('load') RETURNING id", this::insert, true);
        }
        for (int i = 0; i < updaters; i++) {
            start(connector, "UPDATE " + table + " SET n = n + 1 WHERE id = ?", this::update, true);
        }
        for (int i = 0; i < readers; i++) {
            start(connector, "SELECT n FROM " + table + " WHERE id = ?", this::read, false);
        }
    }

    private interface Op {
        void run(PreparedStatement st) throws SQLException;
    }

    private void start(Connector connector, String sql, Op op, boolean write) {
        Thread t = new Thread(() -> {
            try (Connection c = connector.connect(); PreparedStatement st = c.prepareStatement(sql)) {
                while (running) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(st);
                        long took = System.nanoTime() - t0;
                        latencies.add(took);
                        if (write) {
                            writeLatencies.add(took);
                        }
                    } catch (SQLException e) {
                        errors.incrementAndGet();
                        if (errorMessages.size() < 20) {
                            errorMessages.add(e.getSQLState() + " " + e.getMessage());
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (SQLException e) {
                errors.incrementAndGet();
                errorMessages.add("connect: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-" + table + "-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void insert(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            ackedInserts.incrementAndGet();
            ackedIdSum.addAndGet(id);
        }
    }

    private void update(PreparedStatement st) throws SQLException {
        st.setLong(1, 1 + ThreadLocalRandom.current().nextLong(seedRows));
        if (st.executeUpdate() == 1) {
            ackedIncrements.incrementAndGet();
        }
    }

    private void read(PreparedStatement st) throws SQLException {
        st.setLong(1, 1 + ThreadLocalRandom.current().nextLong(seedRows));
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
        }
    }

    /** Stops the clients and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    /** What the clients were told, to compare with what the table holds. */
    public record Acknowledged(long rows, long idSum, long counterSum) {}

    /** The acknowledged writes; call after {@link #close()}. */
    public Acknowledged acknowledged() {
        return new Acknowledged(seedRows + ackedInserts.get(), ackedIdSum.get(), ackedIncrements.get());
    }

    /** What the table holds, in the same terms: rows, sum of the ids the load inserted, sum of the counters. */
    public static Acknowledged stored(Connection c, String table, long seedRows) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*), coalesce(sum(id) FILTER (WHERE id > ?), 0), "
                + "coalesce(sum(n), 0) FROM " + table); ) {
            st.setLong(1, seedRows);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Acknowledged(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** Forgets the latencies and errors recorded so far (acknowledged writes are kept), to measure a new phase. */
    public void resetStats() {
        latencies.clear();
        writeLatencies.clear();
        errors.set(0);
        errorMessages.clear();
    }

    /** Operations that failed. */
    public long errors() {
        return errors.get();
    }

    /** The first failure messages, for assertion output. */
    public List<String> errorMessages() {
        return List.copyOf(errorMessages);
    }

    /** Completed operations. */
    public int operations() {
        return latencies.size();
    }

    /** The latency percentile ({@code 0.5}, {@code 0.99}) of all operations, in milliseconds. */
    public double percentileMillis(double p) {
        return percentile(latencies, p);
    }

    /** The latency percentile of the writes (inserts and updates), in milliseconds. */
    public double writePercentileMillis(double p) {
        return percentile(writeLatencies, p);
    }

    private static double percentile(List<Long> list, double p) {
        List<Long> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        if (copy.isEmpty()) {
            return 0;
        }
        Collections.sort(copy);
        int index = (int) Math.min(copy.size() - 1, Math.ceil(p * copy.size()) - 1);
        return copy.get(Math.max(0, index)) / 1e6;
    }
}
