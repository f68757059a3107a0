package dev.migrationagent.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to analyze and how. Build one with {@link #builder(Path)}.
 *
 * @param baseDir project base directory; reports show paths relative to it
 * @param locations Flyway locations ({@code filesystem:dir} or a plain directory), resolved against baseDir
 * @param files explicit migration files to review (used instead of locations when not empty)
 * @param scope which migrations are under review
 * @param postgresVersion target PostgreSQL major version, 10..17
 * @param postgresVersionExplicit whether the user chose {@code postgresVersion}; when not, a reachable target's
 *     server major is used instead
 * @param statsFile optional table statistics file (JSON), or {@code null}
 * @param smallTableRows tables with fewer rows are small: locks on them do not count as blocking
 * @param rules per-rule overrides
 * @param placeholders Flyway placeholders, replaced as Flyway would before analysis
 * @param shadow where to trace the migrations under review ({@link ShadowSetting.None} for static rules only)
 * @param target the database the migrations will be deployed to (read only), or {@code null}
 * @param table Flyway's schema history table: read on the target to tell applied migrations from pending ones, and
 *     left out of every schema read
 */
public record AnalysisRequest(
        Path baseDir,
        List<String> locations,
        List<Path> files,
        ReviewScope scope,
        int postgresVersion,
        boolean postgresVersionExplicit,
        Path statsFile,
        long smallTableRows,
        List<RuleSetting> rules,
        Map<String, String> placeholders,
        ShadowSetting shadow,
        DatabaseConnection target,
        HistoryTable table) {

    /** The lowest and highest supported PostgreSQL majors. */
    public static final int MIN_POSTGRES = 10, MAX_POSTGRES = 17;

    /** The default Flyway location. */
    public static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/migration";

    public AnalysisRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        locations = List.copyOf(locations);
        files = List.copyOf(files);
        Objects.requireNonNull(scope, "scope");
        rules = List.copyOf(rules);
        placeholders = Map.copyOf(placeholders);
        Objects.requireNonNull(shadow, "shadow");
        Objects.requireNonNull(table, "table");
        if (postgresVersion < MIN_POSTGRES || postgresVersion > MAX_POSTGRES) {
            throw new InvalidConfigurationException("postgresVersion", String.valueOf(postgresVersion),
                    "supported PostgreSQL majors are " + MIN_POSTGRES + " to " + MAX_POSTGRES);
        }
        if (smallTableRows < 0) {
            throw new InvalidConfigurationException("smallTableRows", String.valueOf(smallTableRows),
                    "must be zero or more");
        }
    }

    /** Starts a request for the project in {@code baseDir}. */
    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /**
     * Fluent builder with sensible defaults: Flyway's default location, PostgreSQL 17 (or the target's major when a
     * target is set and the version is not), 10,000-row small tables,
     * static analysis (no shadow), no target connection and Flyway's {@code flyway_schema_history}.
     */
    public static final class Builder {
        private final Path baseDir;
        private final List<String> locations = new ArrayList<>();
        private final List<Path> files = new ArrayList<>();
        private ReviewScope scope = new ReviewScope.Auto();
        private Integer postgresVersion;
        private Path statsFile;
        private long smallTableRows = 10_000;
        private final List<RuleSetting> rules = new ArrayList<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private ShadowSetting shadow = new ShadowSetting.None();
        private DatabaseConnection target;
        private HistoryTable table = HistoryTable.DEFAULT;

        private Builder(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        }

        public Builder location(String location) {
            locations.add(location);
            return this;
        }

        public Builder locations(List<String> values) {
            locations.addAll(values);
            return this;
        }

        public Builder file(Path file) {
            files.add(file);
            return this;
        }

        public Builder scope(ReviewScope value) {
            scope = value;
            return this;
        }

        public Builder postgresVersion(int value) {
            postgresVersion = value;
            return this;
        }

        public Builder statsFile(Path value) {
            statsFile = value;
            return this;
        }

        public Builder smallTableRows(long value) {
            smallTableRows = value;
            return this;
        }

        public Builder rule(RuleSetting value) {
            rules.add(value);
            return this;
        }

        public Builder placeholder(String key, String value) {
            placeholders.put(key, value);
            return this;
        }

        public Builder shadow(ShadowSetting value) {
            shadow = value;
            return this;
        }

        public Builder target(DatabaseConnection value) {
            target = value;
            return this;
        }

        /**
         * Flyway's schema history table as Flyway's {@code table} setting names it, optionally qualified with the
         * schema Flyway keeps it in: {@code flyway_schema_history}, {@code app.schema_version}.
         *
         * @throws InvalidConfigurationException when it is not {@code table} or {@code schema.table}
         */
        public Builder table(String value) {
            table = HistoryTable.parse(value);
            return this;
        }

        public Builder table(HistoryTable value) {
            table = value;
            return this;
        }

        public AnalysisRequest build() {
            List<String> locs = locations.isEmpty() && files.isEmpty() ? List.of(DEFAULT_LOCATION) : locations;
            return new AnalysisRequest(baseDir, locs, files, scope,
                    postgresVersion == null ? MAX_POSTGRES : postgresVersion, postgresVersion != null, statsFile,
                    smallTableRows,
                    rules, placeholders, shadow, target, table);
        }
    }
}
