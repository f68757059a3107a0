package dev.migrationagent.lock;

import dev.migrationagent.schema.TableSize;

/**
 * Seconds a lock is held for a kind of work on a table of a given size. The rates are the priors measured on a
 * 2-vCPU machine with a warm cache (see {@code docs/lock-estimates.md}); real runs under load are slower.
 */
public final class LockEstimator {
    private static final double SCAN_BYTES_PER_SECOND = 1.0e9;
    private static final double VALIDATE_ROWS_PER_SECOND = 10e6;
    // 2.0 M rows/s: CREATE INDEX on an int column measured 1.8-1.9 M rows/s at 5 M rows and 1.6-3.0 M rows/s at
    // 1 M rows (embedded PostgreSQL 16 and PostgreSQL 15, default maintenance_work_mem, shared 2-core machine;
    // EstimateAccuracyBenchmark, docs/benchmarks.md), matching the 2.0 M rows/s serial build of the notes' §6.1.
    // It was 1.5 M rows/s, which overestimated by 20-60 %.
    private static final double INDEX_ROWS_PER_SECOND = 2.0e6;
    private static final double REWRITE_BYTES_PER_SECOND = 150e6;
    private static final double ROW_CHANGE_ROWS_PER_SECOND = 100e3;
    private static final double CATALOG_SECONDS = 0.001;

    private LockEstimator() {}

    /** The estimate in seconds, or {@code null} when the table size is unknown. */
    public static Double seconds(Work work, TableSize size) {
        if (work == Work.CATALOG || size.kind() == TableSize.Kind.NEW) {
            return CATALOG_SECONDS;
        }
        if (size.rows() < 0) {
            return null;
        }
        double s = switch (work) {
            case SCAN -> size.estimatedBytes() / SCAN_BYTES_PER_SECOND;
            case VALIDATE -> size.rows() / VALIDATE_ROWS_PER_SECOND;
            case INDEX_BUILD -> size.rows() / INDEX_ROWS_PER_SECOND;
            case REWRITE -> size.estimatedBytes() / REWRITE_BYTES_PER_SECOND;
            case ROW_CHANGE -> size.rows() / ROW_CHANGE_ROWS_PER_SECOND;
            case CATALOG -> CATALOG_SECONDS;
        };
        return Math.max(CATALOG_SECONDS, Math.round(s * 10) / 10.0);
    }

    /** Text for messages, such as {@code ~12.3 s} or {@code an unknown time}. */
    public static String describe(Double seconds) {
        if (seconds == null) {
            return "an unknown time (table size unknown)";
        }
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 120) {
            return String.format(java.util.Locale.ROOT, "~%.0f s", seconds);
        }
        return String.format(java.util.Locale.ROOT, "~%.0f min", seconds / 60);
    }
}
