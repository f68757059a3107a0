package dev.migrationagent.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to deploy and with which guards. The migrations, placeholders, shadow and target come from the analysis
 * request: the deploy analyzes exactly what it applies, and refuses when that analysis says unsafe.
 *
 * @param analysis the analysis request; its {@code target} is the database written to, its locations the scripts
 * @param guards the bounds the deploy keeps
 * @param dryRun analyze and print what would run, without writing to the target
 * @param overrideReason why an unsafe verdict is accepted, recorded in the report; {@code null} or blank: refuse
 * @param incidentDirectory where {@code incident.md} and {@code incident.json} are written on failure, or
 *     {@code null} to write none
 * @param historyTable Flyway's schema history table
 */
public record DeployRequest(AnalysisRequest analysis, DeployGuards guards, boolean dryRun, String overrideReason,
        Path incidentDirectory, String historyTable) {

    /** Flyway's default history table. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";

    public DeployRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(guards, "guards");
        Objects.requireNonNull(historyTable, "historyTable");
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
        if (!historyTable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidConfigurationException("table", historyTable, "must be a plain table name");
        }
    }

    /** A request with the default guards, not a dry run, no override, no incident files. */
    public static DeployRequest of(AnalysisRequest analysis) {
        return new DeployRequest(analysis, DeployGuards.DEFAULTS, false, null, null, DEFAULT_HISTORY_TABLE);
    }

    /** A copy with other guards. */
    public DeployRequest withGuards(DeployGuards value) {
        return new DeployRequest(analysis, value, dryRun, overrideReason, incidentDirectory, historyTable);
    }

    /** A copy that is (or is not) a dry run. */
    public DeployRequest withDryRun(boolean value) {
        return new DeployRequest(analysis, guards, value, overrideReason, incidentDirectory, historyTable);
    }

    /** A copy with an override reason. */
    public DeployRequest withOverrideReason(String value) {
        return new DeployRequest(analysis, guards, dryRun, value, incidentDirectory, historyTable);
    }

    /** A copy that writes incident files to {@code value}. */
    public DeployRequest withIncidentDirectory(Path value) {
        return new DeployRequest(analysis, guards, dryRun, overrideReason, value, historyTable);
    }

    /** A copy with another history table. */
    public DeployRequest withHistoryTable(String value) {
        return new DeployRequest(analysis, guards, dryRun, overrideReason, incidentDirectory, value);
    }
}
