package dev.migrationagent.maven;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns what went wrong into the Maven exception that says who must act.
 *
 * <p>{@link MojoFailureException} (BUILD FAILURE) when the user must change the migrations or the POM;
 * {@link MojoExecutionException} (BUILD ERROR) when the check itself could not run (a database out of
 * reach, reports not written, a defect). Messages are single lines
 * (the gate failure aside) so that Maven prints them without a stack trace.
 */
final class MojoErrors {
    /** The suppression comment the core honours, shown whenever the gate fails. */
    static final String SUPPRESSION_SYNTAX = "-- migration:ignore <rule-id> -- <reason>";

    /** The user property of each parameter the core may name; parameters without one are POM-only. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("locations", "migration.locations"),
            Map.entry("flywayLocations", "flyway.locations"),
            Map.entry("baselineVersion", "migration.baselineVersion"),
            Map.entry("gitBase", "migration.gitBase"),
            Map.entry("postgresVersion", "migration.postgresVersion"),
            Map.entry("statsFile", "migration.statsFile"),
            Map.entry("smallTableRows", "migration.smallTableRows"),
            Map.entry("formats", "migration.formats"),
            Map.entry("outputDirectory", "migration.outputDirectory"),
            Map.entry("shadow", "migration.shadow"),
            Map.entry("shadowUser", "migration.shadowUser"),
            Map.entry("shadowPassword", "migration.shadowPassword"),
            Map.entry("url", "migration.url"),
            Map.entry("user", "migration.user"),
            Map.entry("password", "migration.password"),
            Map.entry("serverId", "migration.serverId"),
            Map.entry("budget", "migration.budget"),
            Map.entry("lockTimeout", "migration.lockTimeout"),
            Map.entry("catalogStatementTimeout", "migration.catalogStatementTimeout"),
            Map.entry("dataStatementTimeout", "migration.dataStatementTimeout"),
            Map.entry("longStatementTimeout", "migration.longStatementTimeout"),
            Map.entry("blockingThreshold", "migration.blockingThreshold"),
            Map.entry("deployLockWait", "migration.deployLockWait"),
            Map.entry("table", "migration.table"),
            Map.entry("flywayTable", "flyway.table"));

    /** Core keys that differ from the POM element holding the value: the core names the target and shadow parts. */
    private static final Map<String, String> ELEMENTS = Map.of(
            "target", "url",
            "shadow.user", "shadowUser",
            "shadow.password", "shadowPassword");

    /** Parameters whose value is never shown, whatever the core put into its exception. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "shadowPassword", "flywayPassword");

    /** Shown instead of a secret. */
    private static final String HIDDEN = "********";

    private MojoErrors() {}

    /** {@link #map(MigrationAgentException, Collection)} when no secrets are configured. */
    static MojoFailureException map(MigrationAgentException e) {
        return map(e, List.of());
    }

    /**
     * Maps bad input or configuration, which the user must fix: the build fails rather than errors. A database
     * out of reach goes to {@link #databaseUnavailable} instead, so callers catch that subtype first. Any
     * configured secret that slipped into a message is masked, since Maven prints these messages into CI logs.
     */
    static MojoFailureException map(MigrationAgentException e, Collection<Secret> secrets) {
        return map(e, secrets, Map.of());
    }

    /**
     * {@link #map(MigrationAgentException, Collection)} for a goal whose own parameters ({@code properties}: element
     * to {@code -D} property) add to the shared ones or take their names, as the plan goal's
     * {@code outputDirectory} does.
     */
    static MojoFailureException map(MigrationAgentException e, Collection<Secret> secrets,
            Map<String, String> properties) {
        if (e instanceof InvalidConfigurationException config) {
            return configuration(config, secrets, properties);
        }
        if (e instanceof InvalidInputException input) {
            return input(input);
        }
        throw new IllegalArgumentException("not a user error: " + e.getClass().getName(), e);
    }

    /** Names the POM element (and its {@code -D} property) that holds the bad value. */
    static MojoFailureException configuration(InvalidConfigurationException e) {
        return configuration(e, List.of(), Map.of());
    }

    private static MojoFailureException configuration(InvalidConfigurationException e, Collection<Secret> secrets,
            Map<String, String> properties) {
        String parameter = ELEMENTS.getOrDefault(e.parameter(), e.parameter());
        String property = properties.getOrDefault(parameter, PROPERTIES.get(parameter));
        String where = "<" + parameter + ">" + (property == null ? "" : " (-D" + property + ")");
        return new MojoFailureException("Invalid " + where + " in the migration-maven-plugin configuration: "
                + mask(e.parameter() + "=" + shown(parameter, e.value()) + ": " + problem(e), secrets));
    }

    /** The core's message already reads {@code file:line:col: problem}; nothing to add. */
    static MojoFailureException input(InvalidInputException e) {
        return new MojoFailureException(e.getMessage());
    }

    /**
     * The check could not run: BUILD ERROR with the core's one line saying which database and what to check,
     * secrets masked. The driver's exception is deliberately not attached: Maven would append its message,
     * unmasked and usually repeating the core's reason, to the line it prints.
     */
    static MojoExecutionException databaseUnavailable(DatabaseUnavailableException e, Collection<Secret> secrets) {
        return new MojoExecutionException(mask(oneLine(e.getMessage()), secrets));
    }

    /** The core's message without its {@code parameter=value: } prefix, which is rebuilt with the value masked. */
    static String problem(InvalidConfigurationException e) {
        String message = String.valueOf(e.getMessage());
        String prefix = e.parameter() + "=" + e.value() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Secrets are hidden; URLs lose their query, where JDBC users sometimes put a password. */
    private static String shown(String parameter, String value) {
        if (value == null) {
            return "";
        }
        if (SECRET_PARAMETERS.contains(parameter)) {
            return HIDDEN;
        }
        int query = value.startsWith("jdbc:") ? value.indexOf('?') : -1;
        return query < 0 ? value : value.substring(0, query) + "?...";
    }

    private static String mask(String message, Collection<Secret> secrets) {
        String masked = message;
        for (Secret secret : secrets) {
            if (secret != null && !secret.reveal().isEmpty()) {
                masked = masked.replace(secret.reveal(), HIDDEN);
            }
        }
        return masked;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The analysis ran but its reports could not be written: an environment problem, not a finding. */
    static MojoExecutionException reportsNotWritten(Path outputDirectory, IOException e) {
        return new MojoExecutionException("Could not write migration reports to " + outputDirectory + ": "
                + e.getMessage(), e);
    }

    /** A defect in Migration Agent itself; the cause is kept so {@code mvn -e} shows where. */
    static MojoExecutionException unexpected(String goal, RuntimeException e) {
        return new MojoExecutionException("migration:" + goal + " failed unexpectedly (" + e.getClass().getName()
                + "); run with -e for the stack trace and report it as a bug", e);
    }

    /** The active findings that block: errors, and warnings too when {@code failOnWarning}. */
    static List<Finding> blocking(Analysis analysis, boolean failOnWarning) {
        return analysis.activeFindings().stream()
                .filter(f -> f.severity() == Severity.ERROR || (failOnWarning && f.severity() == Severity.WARNING))
                .toList();
    }

    /** The gate's verdict: each blocking finding as {@code file:line:col [rule] message} with its fix. */
    static MojoFailureException gateFailed(List<Finding> blocking) {
        return new MojoFailureException(blockingFindings(blocking, "this build")
                + "; to report without failing, set -Dmigration.failOnError=false.");
    }

    /** The deploy was refused: the findings that block it, and how to deploy anyway. */
    static MojoFailureException deployRefused(List<Finding> blocking) {
        return new MojoFailureException("Deploy refused: " + blockingFindings(blocking, "the deploy")
                + "; to deploy anyway, give the reason: -Dmigration.override.reason=\"...\" (it is recorded in the "
                + "deploy report).");
    }

    // Each finding as file:line:col [rule] message with its fix, then the suppression syntax; the caller ends the
    // sentence with the way out of its goal.
    private static String blockingFindings(List<Finding> blocking, String what) {
        StringBuilder message = new StringBuilder()
                .append(blocking.size())
                .append(blocking.size() == 1 ? " migration finding blocks " : " migration findings block ")
                .append(what).append(':');
        for (Finding f : blocking) {
            message.append(System.lineSeparator())
                    .append(f.position()).append(" [").append(f.ruleId()).append("] ").append(f.message());
            String fix = firstLine(f.fix());
            if (!fix.isEmpty()) {
                message.append(System.lineSeparator()).append("  fix: ").append(fix);
            }
        }
        return message.append(System.lineSeparator())
                .append("If a finding is acceptable, put `").append(SUPPRESSION_SYNTAX)
                .append("` on the line above the statement").toString();
    }

    /**
     * Plans that did not pass their proof on the shadow: BUILD FAILURE, because the migration (or the backfill
     * value it needs) must change, like a finding. Each script with its first problem, then where the details are.
     */
    static MojoFailureException planNotVerified(List<PlanResult.Script> unverified, Path summary) {
        StringBuilder message = new StringBuilder()
                .append(unverified.size())
                .append(unverified.size() == 1 ? " plan is" : " plans are")
                .append(" NOT verified on the shadow:");
        for (PlanResult.Script s : unverified) {
            message.append(System.lineSeparator()).append(s.script()).append(": ")
                    .append(s.problems().isEmpty() ? "not verified" : s.problems().get(0));
        }
        message.append(System.lineSeparator())
                .append("Details are in ").append(summary)
                .append("; to write plans without failing, set -Dmigration.plan.failOnUnverified=false.");
        return new MojoFailureException(message.toString());
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }


    /** A step failed: where, why, and where the incident report with the recovery steps is. */
    static MojoFailureException deployFailed(DeployResult.Incident incident, Path report) {
        String where = incident.script() == null ? "" : incident.script()
                + (incident.line() == 0 ? "" : ":" + incident.line() + ":" + incident.column()) + ": ";
        return new MojoFailureException("Deploy failed: " + where + oneLine(incident.message())
                + (incident.sqlState() == null ? "" : " (SQLState " + incident.sqlState() + ")")
                + "; " + incident.cause().name().toLowerCase(Locale.ROOT)
                + ". What stays applied and how to recover: " + report);
    }
}
