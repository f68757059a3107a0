package dev.migrationagent.lock;

import dev.migrationagent.schema.TableSize;

/**
 * Seconds a lock is held for a kind of work on a table of a given size, from {@link Rates}: the priors, or rates
 * measured on the shadow ({@code shadow.Calibration}). Real runs under load are slower.
 */
public final class LockEstimator {
    private static final double CATALOG_SECONDS = 0.001;

    private LockEstimator() {}

    /** The estimate in seconds with the prior rates, or {@code null} when the table size is unknown. */
    public static Double seconds(Work work, TableSize size) {
        return seconds(work, size, Rates.PRIORS);
    }

    /** The estimate in seconds with the given rates, or {@code null} when the table size is unknown. */
    public static Double seconds(Work work, TableSize size, Rates rates) {
        if (work == Work.CATALOG || size.kind() == TableSize.Kind.NEW) {
            return CATALOG_SECONDS;
        }
        if (size.rows() < 0) {
            return null;
        }
        double s = switch (work) {
            case SCAN -> size.estimatedBytes() / rates.scanBytesPerSecond();
            case VALIDATE -> size.rows() / rates.validateRowsPerSecond();
            case INDEX_BUILD -> size.rows() / rates.indexRowsPerSecond();
            case REWRITE -> size.estimatedBytes() / rates.rewriteBytesPerSecond();
            case ROW_CHANGE -> size.rows() / rates.rowChangeRowsPerSecond();
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
