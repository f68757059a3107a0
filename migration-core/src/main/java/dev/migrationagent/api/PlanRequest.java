package dev.migrationagent.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to plan: the migrations of an analysis request, rewritten into safe steps where the analysis finds them
 * unsafe.
 *
 * @param analysis the migrations, shadow, target and rules, as for an analysis
 * @param outputDirectory where the plan's scripts and summary go; relative paths resolve against the analysis's
 *     base directory
 * @param batchSize the most rows one statement of a batched backfill touches
 * @param batchPause the pause between two batches
 * @param backfill values for existing rows of new NOT NULL columns without a default, by {@code table.column} or
 *     {@code schema.table.column}: SQL expressions
 * @param backup whether contract steps that drop data keep a copy first
 */
public record PlanRequest(AnalysisRequest analysis, Path outputDirectory, int batchSize, Duration batchPause,
        Map<String, String> backfill, boolean backup) {
    /** Batches of 1000 rows. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** 100 ms between batches. */
    public static final Duration DEFAULT_BATCH_PAUSE = Duration.ofMillis(100);
    private static final int MAX_BATCH_SIZE = 1_000_000;
    /** A pause as users write it in a POM or on a command line: a whole number and a unit. */
    private static final Pattern PAUSE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    /**
     * @throws InvalidConfigurationException naming {@code batchSize}, {@code batchPause} or {@code backfill} when
     *     one is out of range
     */
    public PlanRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(batchPause, "batchPause");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidConfigurationException("batchSize", Integer.toString(batchSize),
                    "must be between 1 and " + MAX_BATCH_SIZE);
        }
        if (batchPause.isNegative()) {
            throw new InvalidConfigurationException("batchPause", batchPause.toString(), "must not be negative");
        }
        for (Map.Entry<String, String> e : backfill.entrySet()) {
            if (!e.getKey().matches("[^.]+(\\.[^.]+){1,2}") || e.getValue().isBlank()) {
                throw new InvalidConfigurationException("backfill", e.getKey() + "=" + e.getValue(),
                        "write table.column=<SQL expression> (or schema.table.column=...)");
            }
        }
        backfill = Map.copyOf(backfill);
    }

    /**
     * Parses a batch pause written as a whole number with the unit {@code ms}, {@code s} or {@code m}
     * ({@code 100ms}, {@code 2s}, {@code 1m}); {@code 0} needs no unit. One format for the Maven plugin and the CLI,
     * so that a value copied from one works in the other.
     *
     * @throws InvalidConfigurationException naming {@code batchPause} when the text is not such a duration
     */
    public static Duration parsePause(String text) {
        Matcher m = PAUSE.matcher(text == null ? "" : text.strip());
        if (!m.matches() || (m.group(2) == null && Long.parseLong(m.group(1)) != 0)) {
            throw new InvalidConfigurationException("batchPause", text,
                    "write a whole number with the unit ms, s or m, such as 100ms, 2s or 1m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** A request with the default batch size and pause, no backfill values, and backups before drops. */
    public static PlanRequest of(AnalysisRequest analysis, Path outputDirectory) {
        return new PlanRequest(analysis, outputDirectory, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_PAUSE, Map.of(), true);
    }
}
