package dev.migrationagent.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to deploy and with which guards. The migrations, placeholders, shadow, target and schema history table come
 * from the analysis request: the deploy analyzes exactly what it applies, refuses when that analysis says unsafe,
 * and records what it applies in the history table the analysis read.
 *
 * @param analysis the analysis request; its {@code target} is the database written to, its locations the scripts,
 *     its {@code table} Flyway's schema history table
 * @param guards the bounds the deploy keeps
 * @param dryRun analyze and print what would run, without writing to the target
 * @param overrideReason why an unsafe verdict is accepted, recorded in the report; {@code null} or blank: refuse
 * @param incidentDirectory where {@code incident.md} and {@code incident.json} are written on failure, or
 *     {@code null} to write none
 */
public record DeployRequest(AnalysisRequest analysis, DeployGuards guards, boolean dryRun, String overrideReason,
        Path incidentDirectory) {

    public DeployRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(guards, "guards");
        if (analysis.target() == null) {
            throw new InvalidConfigurationException("url", "", "a deploy needs the target database's JDBC URL");
        }
        if (!analysis.files().isEmpty()) {
            throw new InvalidConfigurationException("files", analysis.files().toString(),
                    "a deploy applies Flyway locations, not single files");
        }
        if (overrideReason != null && overrideReason.isBlank()) {
            overrideReason = null;
        }
    }

    /** A request with the default guards, not a dry run, no override, no incident files. */
    public static DeployRequest of(AnalysisRequest analysis) {
        return new DeployRequest(analysis, DeployGuards.DEFAULTS, false, null, null);
    }

    /** A copy with other guards. */
    public DeployRequest withGuards(DeployGuards value) {
        return new DeployRequest(analysis, value, dryRun, overrideReason, incidentDirectory);
    }

    /** A copy that is (or is not) a dry run. */
    public DeployRequest withDryRun(boolean value) {
        return new DeployRequest(analysis, guards, value, overrideReason, incidentDirectory);
    }

    /** A copy with an override reason. */
    public DeployRequest withOverrideReason(String value) {
        return new DeployRequest(analysis, guards, dryRun, value, incidentDirectory);
    }

    /** A copy that writes incident files to {@code value}. */
    public DeployRequest withIncidentDirectory(Path value) {
        return new DeployRequest(analysis, guards, dryRun, overrideReason, value);
    }
}
