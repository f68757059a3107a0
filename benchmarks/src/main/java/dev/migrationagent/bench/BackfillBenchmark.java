package dev.migrationagent.bench;

import dev.migrationagent.plan.Batches;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.sql.QualifiedName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java [-Dbench.rows=...] -cp benchmarks.jar dev.migrationagent.bench.BackfillBenchmark}: the batched backfill
 * the planner writes ({@link Batches#update}) on a large table, while a concurrent writer keeps changing that table.
 *
 * <p>It creates a scratch database {@code ma_bench_*} on the server {@code bench.server} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres; an embedded PostgreSQL when that is not reachable or the
 * setting is {@code embedded}), fills {@code backfill_bench (id bigint primary key, payload bigint)} with
 * {@code bench.rows} rows (default 10,000,000), adds the nullable {@code new_col bigint} and runs the planner's DO
 * block for {@code SET new_col = payload * 2} over the rows {@code WHERE new_col IS NULL} in batches of
 * {@code bench.batch} (default 1000) with a pause of {@code bench.pause-ms} (default 0) between batches. Meanwhile:
 * <ul>
 *   <li>a writer issues single-row statements in autocommit at {@code bench.writer-rate} statements per second
 *       (default 200), round robin: an UPDATE of a random row, an INSERT of a new row, and an UPDATE of a row near the
 *       backfill's current position (the hot case: that row is likely in the batch being changed). Each statement is
 *       timed; the same writer runs {@code bench.baseline-s} seconds (default 5) before the backfill for a
 *       baseline;</li>
 *   <li>a monitor connection samples {@code pg_stat_activity} joined with {@code pg_locks} every 10 ms and records
 *       how long the writer (and the backfill) had been waiting for a heavyweight lock ({@code pg_locks.waitstart}),
 *       and the age of the backfill's current transaction (one per batch);</li>
 *   <li>a tracker connection finds the backfill's position (the first id whose {@code new_col} is still NULL) by
 *       galloping search, for the hot updates.</li>
 * </ul>
 * The <em>timed run</em> has nothing else on the table. Then, unless {@code bench.check=false}, {@code new_col} is
 * dropped and added again (all NULL, instantly), and the <em>checked run</em> repeats the scenario with a
 * statement-level AFTER UPDATE trigger whose transition table ({@code REFERENCING NEW TABLE}) holds exactly the rows
 * each statement changed; it logs their count per statement, so the largest count is the most rows any backfill
 * statement touched. The process exits with 1 when that count exceeds the batch size or rows were left NULL.
 */
public final class BackfillBenchmark {
    private static final String TABLE = "backfill_bench";
    private static final String LOG = "backfill_bench_statements";
    private static final String BACKFILL_APP = "ma_bench_backfill";
    private static final long SAMPLE_NANOS = 10_000_000L;
    private static final long TRACK_NANOS = 20_000_000L;
    private static final String HEAP = "SELECT pg_size_pretty(pg_relation_size('" + TABLE + "'))";
    private static final Pattern CHANGED = Pattern.compile("changed (\\d+) rows");

    private BackfillBenchmark() {}

    private record Settings(long rows, int batch, Duration pause, int writerRate, int baselineSeconds, boolean check,
            String server) {
        static Settings fromSystemProperties() {
            return new Settings(Long.parseLong(System.getProperty("bench.rows", "10000000").replace("_", "")),
                    Integer.parseInt(System.getProperty("bench.batch", "1000")),
                    Duration.ofMillis(Long.parseLong(System.getProperty("bench.pause-ms", "0"))),
                    Integer.parseInt(System.getProperty("bench.writer-rate", "200")),
                    Integer.parseInt(System.getProperty("bench.baseline-s", "5")),
                    Boolean.parseBoolean(System.getProperty("bench.check", "true")),
                    System.getProperty("bench.server", "jdbc:postgresql://127.0.0.1:5432/"));
        }
    }

    /** Opens a connection to the scratch database with the given application_name. */
    @FunctionalInterface
    private interface Opener {
        Connection open(String applicationName) throws SQLException;
    }

    private enum Kind {
        RANDOM_UPDATE("update of a random row"),
        INSERT("insert of a new row"),
        HOT_UPDATE("update near the backfill's position");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private enum Phase { BASELINE, BACKFILL, DONE }

    /** Latencies of one phase and kind, in nanoseconds. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        static Latencies of(List<Latencies> parts) {
            Latencies all = new Latencies();
            for (Latencies p : parts) {
                for (int i = 0; i < p.size; i++) {
                    all.add(p.values[i]);
                }
            }
            return all;
        }

        String summary() {
            if (size == 0) {
                return "-";
            }
            long[] s = Arrays.copyOf(values, size);
            Arrays.sort(s);
            return String.format(Locale.ROOT, "%s / %s / %s ms (%,d)", ms(pct(s, 0.50)), ms(pct(s, 0.99)),
                    ms(s[size - 1]), size);
        }

        private static long pct(long[] sorted, double q) {
            return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
        }

        private static String ms(long nanos) {
            return String.format(Locale.ROOT, nanos < 10_000_000L ? "%.2f" : "%.0f", nanos / 1e6);
        }
    }

    /** What one run measured. */
    private record Result(double seconds, long changed, Map<Phase, Map<Kind, Latencies>> latencies, long errors,
            String firstError, Waits writerWaits, Waits backfillWaits, long samples, double sampleIntervalMs,
            double oldestBatchSeconds, long leftNull, String heapBefore, String heapAfter, Batching batching) {}

    /** Lock waits of one backend seen by the monitor: the longest and the number of distinct waits. */
    private record Waits(double longestSeconds, String longestLock, int episodes) {}

    /** The checked run's statement log, backfill statements only. */
    private record Batching(long statements, long maxRows, long sumRows, double longestGapSeconds) {}

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromSystemProperties();
        int exit;
        if (!s.server().equals("embedded") && reachable(s.server())) {
            String db = "ma_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            admin(s.server(), "CREATE DATABASE " + db);
            try {
                exit = run(s, app -> {
                    Connection c = DriverManager.getConnection(s.server() + db, "postgres", "");
                    applicationName(c, app);
                    return c;
                });
            } finally {
                admin(s.server(), "DROP DATABASE " + db + " WITH (FORCE)");
            }
        } else {
            List<Integer> majors = EmbeddedShadowProvider.installedMajors();
            int major = majors.isEmpty() ? 17 : majors.get(majors.size() - 1);
            System.out.println("using an embedded PostgreSQL " + major);
            try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(major)) {
                exit = run(s, app -> {
                    Connection c = db.connect();
                    applicationName(c, app);
                    return c;
                });
            }
        }
        System.exit(exit);
    }

    private static int run(Settings s, Opener opener) throws Exception {
        QualifiedName table = QualifiedName.of(TABLE);
        String backfill = Batches.update(table, List.of("id"), "SET new_col = payload * 2", "new_col IS NULL",
                s.batch(), s.pause());
        try (Connection c = opener.open("ma_bench_setup"); Statement st = c.createStatement()) {
            System.out.println(one(st, "SELECT version()"));
            System.out.println("shared_buffers=" + one(st, "SHOW shared_buffers") + ", synchronous_commit="
                    + one(st, "SHOW synchronous_commit") + ", fsync=" + one(st, "SHOW fsync") + ", max_wal_size="
                    + one(st, "SHOW max_wal_size") + ", autovacuum=" + one(st, "SHOW autovacuum"));
            long t0 = System.nanoTime();
            // For the load only; the backfill and the writer run with the server's setting.
            st.execute("SET synchronous_commit = off");
            st.execute("CREATE TABLE " + TABLE + " (id bigint NOT NULL, payload bigint NOT NULL)");
            st.execute("INSERT INTO " + TABLE + " SELECT g, (g * 7919) % 1000003 FROM generate_series(1::bigint, "
                    + s.rows() + ") g");
            st.execute("ALTER TABLE " + TABLE + " ADD PRIMARY KEY (id)");
            st.execute("VACUUM ANALYZE " + TABLE);
            st.execute("RESET synchronous_commit");
            // The migration's first step: a nullable column without a default changes no row.
            st.execute("ALTER TABLE " + TABLE + " ADD COLUMN new_col bigint");
            checkpoint(st);
            System.out.printf(Locale.ROOT, "%s: %,d rows, heap %s, total %s, filled in %.1f s%n", TABLE, s.rows(),
                    one(st, "SELECT pg_size_pretty(pg_relation_size('" + TABLE + "'))"),
                    one(st, "SELECT pg_size_pretty(pg_total_relation_size('" + TABLE + "'))"),
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "backfill (Batches.update): SET new_col = payload * 2 WHERE new_col IS NULL,"
                + " batch %,d, pause %d ms, in autocommit%n", s.batch(), s.pause().toMillis());
        System.out.printf(Locale.ROOT, "writer: %s statements/s, single-row, autocommit, round robin: %s%n",
                s.writerRate() == 0 ? "as many" : String.valueOf(s.writerRate()),
                String.join(" / ", Arrays.stream(Kind.values()).map(k -> k.label).toList()));

        System.out.println("\ntimed run (no trigger) ...");
        Result timed = scenario(s, opener, backfill, false);
        Result checked = null;
        if (s.check()) {
            try (Connection c = opener.open("ma_bench_setup"); Statement st = c.createStatement()) {
                long t0 = System.nanoTime();
                // All NULL again without touching a row; VACUUM clears the timed run's dead tuples.
                st.execute("ALTER TABLE " + TABLE + " DROP COLUMN new_col");
                st.execute("ALTER TABLE " + TABLE + " ADD COLUMN new_col bigint");
                st.execute("VACUUM ANALYZE " + TABLE);
                checkpoint(st);
                st.execute("CREATE TABLE " + LOG + " (at timestamptz NOT NULL, app text NOT NULL,"
                        + " rows bigint NOT NULL)");
                st.execute("""
                        CREATE FUNCTION backfill_bench_count() RETURNS trigger LANGUAGE plpgsql AS $f$
                        BEGIN
                            INSERT INTO %s SELECT clock_timestamp(), current_setting('application_name'), count(*)
                            FROM changed;
                            RETURN NULL;
                        END
                        $f$""".formatted(LOG));
                st.execute("CREATE TRIGGER backfill_bench_count AFTER UPDATE ON " + TABLE
                        + " REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION"
                        + " backfill_bench_count()");
                System.out.printf(Locale.ROOT, "%nchecked run (statement trigger; reset and VACUUM took %.1f s) ...%n",
                        (System.nanoTime() - t0) / 1e9);
            }
            checked = scenario(s, opener, backfill, true);
        }
        return report(s, timed, checked);
    }

    private static Result scenario(Settings s, Opener opener, String backfill, boolean trigger) throws Exception {
        Map<Phase, Map<Kind, Latencies>> latencies = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            Map<Kind, Latencies> byKind = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                byKind.put(k, new Latencies());
            }
            latencies.put(p, byKind);
        }
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BASELINE);
        // [position, nanoTime of the estimate, rows per second]; read by the writer, written by the tracker
        AtomicReference<double[]> position = new AtomicReference<>(new double[] {1, System.nanoTime(), 0});
        long[] errors = {0};
        String[] firstError = {null};
        Map<Integer, double[]> longest = new ConcurrentHashMap<>();
        Map<Integer, String> longestLock = new ConcurrentHashMap<>();
        Map<Integer, Set<String>> episodes = new ConcurrentHashMap<>();
        long[] sampling = {0, 0}; // samples, nanos spent between the first and the last
        double[] oldestBatch = {0};

        try (Connection bf = opener.open(BACKFILL_APP); Connection wr = opener.open("ma_bench_writer");
                Connection mon = opener.open("ma_bench_monitor"); Connection tr = opener.open("ma_bench_tracker");
                Statement bfSt = bf.createStatement()) {
            int backfillPid = pid(bf);
            int writerPid = pid(wr);
            long firstNewId;
            String heapBefore;
            try (Statement st = wr.createStatement()) {
                firstNewId = Long.parseLong(one(st, "SELECT max(id) + 1 FROM " + TABLE));
                heapBefore = one(st, HEAP);
            }
            List<Thread> threads = new ArrayList<>();
            threads.add(new Thread(() -> {
                try (PreparedStatement update = wr.prepareStatement("UPDATE " + TABLE
                        + " SET payload = payload + 1 WHERE id = ?");
                        PreparedStatement insert = wr.prepareStatement("INSERT INTO " + TABLE
                                + " (id, payload) VALUES (?, ?)")) {
                    long nextId = firstNewId;
                    long interval = s.writerRate() == 0 ? 0 : 1_000_000_000L / s.writerRate();
                    long next = System.nanoTime();
                    int i = 0;
                    Phase p;
                    while ((p = phase.get()) != Phase.DONE) {
                        Kind kind = Kind.values()[i++ % Kind.values().length];
                        PreparedStatement ps;
                        if (kind == Kind.INSERT) {
                            ps = insert;
                            ps.setLong(1, nextId);
                            ps.setLong(2, nextId++ % 1000003);
                        } else {
                            ps = update;
                            ps.setLong(1, kind == Kind.RANDOM_UPDATE
                                    ? ThreadLocalRandom.current().nextLong(1, s.rows() + 1)
                                    : hotRow(position.get(), s));
                        }
                        long start = System.nanoTime();
                        try {
                            ps.executeUpdate();
                        } catch (SQLException e) {
                            errors[0]++;
                            if (firstError[0] == null) {
                                firstError[0] = e.getMessage().lines().findFirst().orElse("");
                            }
                        }
                        latencies.get(p).get(kind).add(System.nanoTime() - start);
                        if (interval > 0) {
                            next = Math.max(next + interval, System.nanoTime() - interval);
                            LockSupport.parkNanos(next - System.nanoTime());
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "writer"));
            threads.add(new Thread(() -> {
                try (PreparedStatement sample = mon.prepareStatement("""
                        SELECT a.pid, extract(epoch FROM clock_timestamp() - coalesce(l.waitstart, a.query_start)),
                               coalesce(l.waitstart::text, 'query ' || a.query_start::text),
                               l.locktype || ' ' || l.mode
                        FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
                        WHERE a.wait_event_type = 'Lock' AND a.pid IN (?, ?)""");
                        // Each batch is a transaction of its own (the DO block commits), so its age is how long
                        // the batch has been holding its row locks, at most.
                        PreparedStatement batch = mon.prepareStatement("SELECT extract(epoch FROM clock_timestamp()"
                                + " - xact_start) FROM pg_stat_activity WHERE pid = ? AND state = 'active'")) {
                    sample.setInt(1, writerPid);
                    sample.setInt(2, backfillPid);
                    batch.setInt(1, backfillPid);
                    long first = 0;
                    Phase p;
                    while ((p = phase.get()) != Phase.DONE) {
                        long start = System.nanoTime();
                        if (p == Phase.BACKFILL) {
                            try (ResultSet rs = sample.executeQuery()) {
                                while (rs.next()) {
                                    int pid = rs.getInt(1);
                                    double waited = rs.getDouble(2);
                                    episodes.computeIfAbsent(pid, x -> new HashSet<>()).add(rs.getString(3));
                                    double[] max = longest.computeIfAbsent(pid, x -> new double[1]);
                                    if (waited > max[0]) {
                                        max[0] = waited;
                                        longestLock.put(pid, rs.getString(4));
                                    }
                                }
                            }
                            try (ResultSet rs = batch.executeQuery()) {
                                if (rs.next()) {
                                    oldestBatch[0] = Math.max(oldestBatch[0], rs.getDouble(1));
                                }
                            }
                            first = first == 0 ? start : first;
                            sampling[0]++;
                            sampling[1] = start - first;
                        }
                        LockSupport.parkNanos(SAMPLE_NANOS - (System.nanoTime() - start));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "monitor"));
            threads.add(new Thread(() -> track(tr, s.rows(), phase, position), "tracker"));
            threads.forEach(Thread::start);

            Thread.sleep(s.baselineSeconds() * 1000L);
            phase.set(Phase.BACKFILL);
            long t0 = System.nanoTime();
            long changed = -1;
            try {
                bfSt.execute(backfill);
                for (SQLWarning w = bfSt.getWarnings(); w != null; w = w.getNextWarning()) {
                    Matcher m = CHANGED.matcher(w.getMessage());
                    if (m.find()) {
                        changed = Long.parseLong(m.group(1));
                    }
                }
            } finally {
                phase.set(Phase.DONE);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            long leftNull;
            String heapAfter;
            Batching batching = null;
            try (Statement st = mon.createStatement()) {
                heapAfter = one(st, HEAP);
                leftNull = Long.parseLong(one(st, "SELECT count(*) FROM " + TABLE + " WHERE id <= " + s.rows()
                        + " AND new_col IS NULL"));
                if (trigger) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(max(rows), 0),"
                            + " coalesce(sum(rows), 0), coalesce(extract(epoch FROM max(gap)), 0) FROM ("
                            + "SELECT rows, at - lag(at) OVER (ORDER BY at) AS gap FROM " + LOG
                            + " WHERE app = '" + BACKFILL_APP + "') s")) {
                        rs.next();
                        batching = new Batching(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4));
                    }
                }
            }
            Function<Integer, Waits> waits = pid -> new Waits(longest.getOrDefault(pid, new double[1])[0],
                    longestLock.getOrDefault(pid, "-"), episodes.getOrDefault(pid, Set.of()).size());
            Result r = new Result(seconds, changed, latencies, errors[0], firstError[0], waits.apply(writerPid),
                    waits.apply(backfillPid), sampling[0], sampling[0] > 1 ? sampling[1] / 1e6 / (sampling[0] - 1)
                    : 0, oldestBatch[0], leftNull, heapBefore, heapAfter, batching);
            System.out.printf(Locale.ROOT, "  backfill %.1f s, %,d rows changed%n", seconds, changed);
            return r;
        }
    }

    /**
     * Keeps {@code position} at the first id whose new_col is still NULL (ids below it are done: the backfill walks
     * the key in order and the writer never sets new_col), with the rate it moves at.
     */
    private static void track(Connection c, long rows, AtomicReference<Phase> phase,
            AtomicReference<double[]> position) {
        try (PreparedStatement probe = c.prepareStatement("SELECT new_col IS NULL FROM " + TABLE + " WHERE id = ?")) {
            long done = 0; // every id <= done has new_col set
            double rate = 0;
            double[] last = position.get();
            while (phase.get() != Phase.DONE) {
                long start = System.nanoTime();
                long step = 1;
                long hi = rows + 1;
                while (done + step <= rows) {
                    if (isNull(probe, done + step)) {
                        hi = done + step;
                        break;
                    }
                    done += step;
                    step *= 2;
                }
                while (hi - done > 1) {
                    long mid = done + (hi - done) / 2;
                    if (isNull(probe, mid)) {
                        hi = mid;
                    } else {
                        done = mid;
                    }
                }
                long now = System.nanoTime();
                double moved = (hi - last[0]) / ((now - last[1]) / 1e9);
                rate = rate == 0 ? moved : 0.7 * rate + 0.3 * moved;
                last = new double[] {hi, now, rate};
                position.set(last);
                LockSupport.parkNanos(TRACK_NANOS - (System.nanoTime() - start));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isNull(PreparedStatement probe, long id) throws SQLException {
        probe.setLong(1, id);
        try (ResultSet rs = probe.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** A row about where the backfill is now, give or take a batch. */
    private static long hotRow(double[] position, Settings s) {
        double expected = position[0] + position[2] * ((System.nanoTime() - position[1]) / 1e9);
        long id = (long) expected + ThreadLocalRandom.current().nextLong(-s.batch(), s.batch() + 1);
        return Math.max(1, Math.min(s.rows(), id));
    }

    private static int report(Settings s, Result timed, Result checked) {
        System.out.printf(Locale.ROOT, "%n%-46s %-40s %s%n", "", "timed run (no trigger)",
                checked == null ? "" : "checked run (statement trigger)");
        row("rows in the table", String.format(Locale.ROOT, "%,d", s.rows()), checked, r -> "same");
        row("batch size / pause", s.batch() + " / " + s.pause().toMillis() + " ms", checked, r -> "same");
        row("total backfill time", secs(timed.seconds()), checked, r -> secs(r.seconds()));
        row("rows changed (the DO block's NOTICE)", String.format(Locale.ROOT, "%,d", timed.changed()), checked,
                r -> String.format(Locale.ROOT, "%,d", r.changed()));
        row("rows/s", rate(timed), checked, BackfillBenchmark::rate);
        row("UPDATE statements (batches)", "not measured", checked,
                r -> String.format(Locale.ROOT, "%,d", r.batching().statements()));
        row("max rows per UPDATE statement", "not measured", checked, r -> r.batching().maxRows() + (r.batching()
                .maxRows() <= s.batch() ? " (<= " + s.batch() + ": bounded)" : " (> " + s.batch() + ": UNBOUNDED)"));
        row("rows changed per the trigger", "-", checked,
                r -> String.format(Locale.ROOT, "%,d", r.batching().sumRows()));
        row("longest time between two batch ends", "-", checked,
                r -> String.format(Locale.ROOT, "%.1f ms", r.batching().longestGapSeconds() * 1000));
        row("oldest batch transaction (sampled)", ms(timed.oldestBatchSeconds()), checked,
                r -> ms(r.oldestBatchSeconds()));
        row("table heap before / after", timed.heapBefore() + " / " + timed.heapAfter(), checked,
                r -> r.heapBefore() + " / " + r.heapAfter());
        row("rows left NULL", String.valueOf(timed.leftNull()), checked, r -> String.valueOf(r.leftNull()));
        System.out.println("writer latency p50 / p99 / max (statements):");
        for (Phase p : List.of(Phase.BASELINE, Phase.BACKFILL)) {
            String when = p == Phase.BASELINE ? "before the backfill (" + s.baselineSeconds() + " s), " : "during, ";
            row("  " + when + "all", all(timed, p), checked, r -> all(r, p));
            for (Kind k : Kind.values()) {
                row("    " + k.label, timed.latencies().get(p).get(k).summary(), checked,
                        r -> r.latencies().get(p).get(k).summary());
            }
        }
        row("writer errors", errors(timed), checked, BackfillBenchmark::errors);
        row("longest lock wait of the writer (sampled)", waits(timed.writerWaits()), checked,
                r -> waits(r.writerWaits()));
        row("  lock waits of the writer seen", seen(timed.writerWaits()), checked, r -> seen(r.writerWaits()));
        row("longest lock wait of the backfill (sampled)", waits(timed.backfillWaits()), checked,
                r -> waits(r.backfillWaits()));
        row("  lock waits of the backfill seen", seen(timed.backfillWaits()), checked,
                r -> seen(r.backfillWaits()));
        row("lock samples / mean interval", samples(timed), checked, BackfillBenchmark::samples);

        int exit = 0;
        if (checked != null && checked.batching().maxRows() > s.batch()) {
            System.out.printf(Locale.ROOT, "FAILED: a statement changed %,d rows, more than the batch size %,d%n",
                    checked.batching().maxRows(), s.batch());
            exit = 1;
        }
        if (timed.leftNull() > 0 || (checked != null && checked.leftNull() > 0)) {
            System.out.println("FAILED: the backfill left rows NULL");
            exit = 1;
        }
        if (checked == null) {
            System.out.println("boundedness not checked (bench.check=false)");
        } else if (exit == 0) {
            System.out.printf(Locale.ROOT, "bounded: no statement of the backfill changed more than %,d rows%n",
                    s.batch());
        }
        return exit;
    }

    private static void row(String label, String timed, Result checked, Function<Result, String> value) {
        System.out.printf(Locale.ROOT, "%-46s %-40s %s%n", label, timed, checked == null ? "" : value.apply(checked));
    }

    private static String all(Result r, Phase p) {
        return Latencies.of(List.copyOf(r.latencies().get(p).values())).summary();
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    private static String rate(Result r) {
        return String.format(Locale.ROOT, "%,.0f", r.changed() / r.seconds());
    }

    private static String errors(Result r) {
        return r.errors() == 0 ? "0" : r.errors() + " (first: " + r.firstError() + ")";
    }

    private static String waits(Waits w) {
        return w.episodes() == 0 ? "none seen" : String.format(Locale.ROOT, "%.0f ms (%s)",
                w.longestSeconds() * 1000, w.longestLock());
    }

    private static String seen(Waits w) {
        return String.format(Locale.ROOT, "%,d", w.episodes());
    }

    private static String samples(Result r) {
        return String.format(Locale.ROOT, "%,d / %.1f ms", r.samples(), r.sampleIntervalMs());
    }

    private static boolean reachable(String server) {
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            System.out.println(server + " not reachable (" + e.getMessage() + ")");
            return false;
        }
    }

    private static void admin(String server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void applicationName(Connection c, String app) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET application_name = '" + app + "'");
        }
    }

    /** A CHECKPOINT so the run does not pay for the previous step's WAL; skipped without the privilege. */
    private static void checkpoint(Statement st) {
        try {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            System.out.println("no CHECKPOINT: " + e.getMessage());
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            return Integer.parseInt(one(st, "SELECT pg_backend_pid()"));
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
