package dev.migrationagent.lock;

/**
 * Throughput of each kind of locked work, from which lock durations are estimated.
 *
 * @param scanBytesPerSecond full-table scans (NOT NULL, CHECK, partition bound)
 * @param validateRowsPerSecond foreign key validation
 * @param indexRowsPerSecond index builds
 * @param rewriteBytesPerSecond table rewrites, indexes included
 * @param rowChangeRowsPerSecond UPDATE or DELETE of every row
 * @param calibrated whether the figures were measured on a shadow rather than taken from the priors
 */
public record Rates(double scanBytesPerSecond, double validateRowsPerSecond, double indexRowsPerSecond,
        double rewriteBytesPerSecond, double rowChangeRowsPerSecond, boolean calibrated) {

    /**
     * The priors, measured on a 2-vCPU machine with a warm cache (docs/benchmarks.md). Index builds: 2.0 M rows/s
     * from EstimateAccuracyBenchmark (CREATE INDEX on an int column, 1 M and 5 M rows, PostgreSQL 15 and 16), which
     * matches the serial build in the notes' measurements; it was 1.5 M rows/s and overestimated by 20-60 %.
     */
    public static final Rates PRIORS = new Rates(1.0e9, 10e6, 2.0e6, 150e6, 100e3, false);

    public Rates {
        if (scanBytesPerSecond <= 0 || validateRowsPerSecond <= 0 || indexRowsPerSecond <= 0
                || rewriteBytesPerSecond <= 0 || rowChangeRowsPerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
    }

    /**
     * Measured rates kept within a factor of four of the priors: a shadow on a busy build machine can be slowed by
     * anything, and one stalled timing must not turn every estimate into nonsense.
     */
    public static Rates measured(double scan, double validate, double index, double rewrite, double rowChange) {
        return new Rates(clamp(scan, PRIORS.scanBytesPerSecond), clamp(validate, PRIORS.validateRowsPerSecond),
                clamp(index, PRIORS.indexRowsPerSecond), clamp(rewrite, PRIORS.rewriteBytesPerSecond),
                clamp(rowChange, PRIORS.rowChangeRowsPerSecond), true);
    }

    private static double clamp(double value, double prior) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return prior;
        }
        return Math.max(prior / 4, Math.min(prior * 4, value));
    }
}
