package dev.migrationagent.maven;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Severity;
import dev.migrationagent.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code check} goal's parameters as plain values, and their translation into a core request.
 *
 * <p>Kept apart from the Mojo so the mapping can be unit-tested without a Maven runtime.
 *
 * @param baseDir the project base directory
 * @param locations {@code <locations>} as configured; empty when not set
 * @param flywayLocations the {@code flyway.locations} property (comma-separated), or {@code null}
 * @param baselineVersion {@code <baselineVersion>}, or {@code null}
 * @param gitBase {@code <gitBase>}, or {@code null}
 * @param postgresVersion {@code <postgresVersion>}
 * @param statsFile {@code <statsFile>}, or {@code null}
 * @param smallTableRows {@code <smallTableRows>}
 * @param rules {@code <rules>}
 * @param placeholders {@code <placeholders>}
 */
record CheckConfiguration(
        Path baseDir,
        List<String> locations,
        String flywayLocations,
        String baselineVersion,
        String gitBase,
        int postgresVersion,
        Path statsFile,
        long smallTableRows,
        List<Rule> rules,
        Map<String, String> placeholders) {

    private static final String FILESYSTEM = "filesystem:";

    CheckConfiguration {
        Objects.requireNonNull(baseDir, "baseDir");
        locations = locations == null ? List.of() : List.copyOf(locations);
        rules = rules == null ? List.of() : List.copyOf(rules);
        // Maven hands an empty <key/> element over as a null value, which Map.copyOf rejects.
        Map<String, String> copy = new LinkedHashMap<>();
        if (placeholders != null) {
            placeholders.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        }
        placeholders = copy;
    }

    /** Builds the core request; throws {@link InvalidConfigurationException} for values the core would not get. */
    AnalysisRequest toRequest() {
        AnalysisRequest.Builder builder = AnalysisRequest.builder(baseDir)
                .locations(existingLocations())
                .scope(scope())
                .postgresVersion(postgresVersion)
                .statsFile(statsFile)
                .smallTableRows(smallTableRows);
        for (Rule rule : rules) {
            builder.rule(toSetting(rule));
        }
        placeholders.forEach(builder::placeholder);
        return builder.build();
    }

    /**
     * {@code <locations>} when set, else Flyway's own {@code flyway.locations} so a project configured for Flyway
     * needs no second copy, else Flyway's default folder. Relative {@code filesystem:} paths are made absolute
     * against the base directory, which is where Maven users expect them to start, whatever the working directory.
     */
    List<String> effectiveLocations() {
        List<String> raw;
        if (!locations.isEmpty()) {
            raw = locations;
        } else if (!isBlank(flywayLocations)) {
            raw = Arrays.asList(flywayLocations.split(","));
        } else {
            raw = List.of(AnalysisRequest.DEFAULT_LOCATION);
        }
        List<String> resolved = new ArrayList<>();
        for (String location : raw) {
            if (!isBlank(location)) {
                resolved.add(resolve(location.trim()));
            }
        }
        if (resolved.isEmpty()) {
            throw new InvalidConfigurationException("locations", String.join(",", raw), "no location given");
        }
        return resolved;
    }

    /**
     * {@link #effectiveLocations()}, with each {@code filesystem:} folder checked here because only the plugin
     * knows which element the location came from, and a typo there should name that element.
     */
    List<String> existingLocations() {
        String parameter = locations.isEmpty() && !isBlank(flywayLocations) ? "flywayLocations" : "locations";
        List<String> resolved = effectiveLocations();
        for (String location : resolved) {
            if (!location.startsWith(FILESYSTEM)) {
                continue;
            }
            Path folder = Path.of(location.substring(FILESYSTEM.length()));
            if (!Files.isDirectory(folder)) {
                throw new InvalidConfigurationException(parameter, location,
                        "no such folder (relative paths start at the project base directory)");
            }
        }
        return resolved;
    }

    private String resolve(String location) {
        if (!location.startsWith(FILESYSTEM)) {
            return location; // classpath: and friends are the core's business
        }
        Path path = Path.of(location.substring(FILESYSTEM.length()));
        return FILESYSTEM + baseDir.resolve(path).normalize();
    }

    /** The review scope: a baseline, or a git ref, or (neither) the core's pull-request default. */
    ReviewScope scope() {
        boolean hasBaseline = !isBlank(baselineVersion);
        boolean hasGitBase = !isBlank(gitBase);
        if (hasBaseline && hasGitBase) {
            throw new InvalidConfigurationException("baselineVersion", baselineVersion.trim(),
                    "cannot be combined with <gitBase> (" + gitBase.trim()
                            + "); set either <baselineVersion> or <gitBase>, not both");
        }
        if (hasBaseline) {
            return new ReviewScope.AfterVersion(baselineVersion.trim());
        }
        if (hasGitBase) {
            return new ReviewScope.ChangedSince(gitBase.trim());
        }
        return new ReviewScope.Auto();
    }

    private static RuleSetting toSetting(Rule rule) {
        if (isBlank(rule.id())) {
            throw new InvalidConfigurationException("rules", "", "every <rule> needs an <id>");
        }
        Severity severity = null;
        if (!isBlank(rule.severity())) {
            severity = Severity.parse(rule.severity());
            if (severity == null) {
                throw new InvalidConfigurationException("rules", rule.severity(),
                        "<severity> of rule " + rule.id() + " must be ERROR, WARNING or INFO");
            }
        }
        return new RuleSetting(rule.id().trim(), severity, rule.enabled());
    }

    /** Parses {@code <formats>}, e.g. {@code json,md,sarif}; blank means no report files. */
    static Set<ReportFormat> formats(String text) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (isBlank(text)) {
            return formats;
        }
        for (String part : text.split(",")) {
            if (isBlank(part)) {
                continue;
            }
            ReportFormat format = ReportFormat.parse(part);
            if (format == null) {
                throw new InvalidConfigurationException("formats", part.trim(), "expected json, md or sarif");
            }
            formats.add(format);
        }
        return formats;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
