package dev.migrationagent.maven;

import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.MigrationAgentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns what went wrong into the Maven exception that says who must act.
 *
 * <p>{@link MojoFailureException} (BUILD FAILURE) when the user must change the migrations or the POM;
 * {@link MojoExecutionException} (BUILD ERROR) when the check itself could not run. Messages are single lines
 * (the gate failure aside) so that Maven prints them without a stack trace.
 */
final class MojoErrors {
    /** The suppression comment the core honours, shown whenever the gate fails. */
    static final String SUPPRESSION_SYNTAX = "-- migration:ignore <rule-id> -- <reason>";

    /** The user property of each parameter the core may name; parameters without one are POM-only. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "locations", "migration.locations",
            "flywayLocations", "flyway.locations",
            "baselineVersion", "migration.baselineVersion",
            "gitBase", "migration.gitBase",
            "postgresVersion", "migration.postgresVersion",
            "statsFile", "migration.statsFile",
            "smallTableRows", "migration.smallTableRows",
            "formats", "migration.formats",
            "outputDirectory", "migration.outputDirectory");

    private MojoErrors() {}

    /** Maps a core exception: both kinds are the user's to fix, so both fail the build rather than error it. */
    static MojoFailureException map(MigrationAgentException e) {
        if (e instanceof InvalidConfigurationException config) {
            return configuration(config);
        }
        return input((InvalidInputException) e);
    }

    /** Names the POM element (and its {@code -D} property) that holds the bad value. */
    static MojoFailureException configuration(InvalidConfigurationException e) {
        String parameter = e.parameter();
        String property = PROPERTIES.get(parameter);
        String where = "<" + parameter + ">" + (property == null ? "" : " (-D" + property + ")");
        return new MojoFailureException("Invalid " + where + " in the migration-maven-plugin configuration: "
                + e.getMessage());
    }

    /** The core's message already reads {@code file:line:col: problem}; nothing to add. */
    static MojoFailureException input(InvalidInputException e) {
        return new MojoFailureException(e.getMessage());
    }

    /** The analysis ran but its reports could not be written: an environment problem, not a finding. */
    static MojoExecutionException reportsNotWritten(Path outputDirectory, IOException e) {
        return new MojoExecutionException("Could not write migration reports to " + outputDirectory + ": "
                + e.getMessage(), e);
    }

    /** A defect in Migration Agent itself; the cause is kept so {@code mvn -e} shows where. */
    static MojoExecutionException unexpected(RuntimeException e) {
        return new MojoExecutionException("migration:check failed unexpectedly (" + e.getClass().getName()
                + "); run with -e for the stack trace and report it as a bug", e);
    }

    /** The gate's verdict: each blocking finding as {@code file:line:col [rule] message} with its fix. */
    static MojoFailureException gateFailed(List<Finding> blocking) {
        StringBuilder message = new StringBuilder()
                .append(blocking.size())
                .append(blocking.size() == 1 ? " migration finding blocks" : " migration findings block")
                .append(" this build:");
        for (Finding f : blocking) {
            message.append(System.lineSeparator())
                    .append(f.position()).append(" [").append(f.ruleId()).append("] ").append(f.message());
            String fix = firstLine(f.fix());
            if (!fix.isEmpty()) {
                message.append(System.lineSeparator()).append("  fix: ").append(fix);
            }
        }
        message.append(System.lineSeparator())
                .append("If a finding is acceptable, put `").append(SUPPRESSION_SYNTAX)
                .append("` on the line above the statement; to report without failing, set -Dmigration.failOnError=false.");
        return new MojoFailureException(message.toString());
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
