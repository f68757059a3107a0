package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.Severity;
import dev.migrationagent.report.ReportFormat;
import dev.migrationagent.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters {@code check} and {@code validate} share, and the one run both goals make; Maven merges
 * properties into the fields, so nothing here reads them by hand.
 */
abstract class AbstractMigrationMojo extends AbstractMojo {

    /** Skips the goal. Property: {@code migration.skip}. */
    @Parameter(property = "migration.skip", defaultValue = "false")
    private boolean skip;

    /** Fails the build when a blocking finding is reported. Property: {@code migration.failOnError}. */
    @Parameter(property = "migration.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Treats warning-level findings as blocking too. Property: {@code migration.failOnWarning}. */
    @Parameter(property = "migration.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Where the reports are written. Property: {@code migration.outputDirectory}. */
    @Parameter(property = "migration.outputDirectory", defaultValue = "${project.build.directory}/migration-agent")
    private File outputDirectory;

    /**
     * Report formats, comma-separated: {@code json} (report.json), {@code md} (report.md), {@code sarif}
     * (report.sarif); empty writes none. Property: {@code migration.formats}.
     */
    @Parameter(property = "migration.formats", defaultValue = "json,md,sarif")
    private String formats;

    /**
     * Flyway locations of the migration scripts, e.g. {@code filesystem:src/main/resources/db/migration};
     * relative paths start at {@code ${basedir}}. When not set, Flyway's own {@code flyway.locations} property
     * is used if present, else {@code filesystem:src/main/resources/db/migration}. Property:
     * {@code migration.locations} (comma-separated).
     */
    @Parameter(property = "migration.locations")
    private String[] locations;

    /**
     * Flyway's comma-separated {@code flyway.locations} property, read so a project already configured for
     * Flyway needs no second copy; {@code <locations>} wins over it. Property: {@code flyway.locations}.
     */
    @Parameter(property = "flyway.locations")
    private String flywayLocations;

    /**
     * Reviews only migrations with a version above this one (the deployed version); older ones are replayed into
     * the schema model. Cannot be combined with {@code gitBase}. Without either, the check reviews what changed
     * since {@code origin/main} in a git checkout, else the newest migration. Property:
     * {@code migration.baselineVersion}.
     */
    @Parameter(property = "migration.baselineVersion")
    private String baselineVersion;

    /**
     * Reviews only migrations added or changed since this git ref, e.g. {@code origin/main} in a pull-request
     * build. Cannot be combined with {@code baselineVersion}. Property: {@code migration.gitBase}.
     */
    @Parameter(property = "migration.gitBase")
    private String gitBase;

    /**
     * Target PostgreSQL major version (10 to 17). When not set: the server major of the {@code url} target if
     * there is one, else 17. Property: {@code migration.postgresVersion}.
     */
    @Parameter(property = "migration.postgresVersion")
    private Integer postgresVersion;

    /**
     * Table statistics of the target database (JSON with row counts and sizes), so that locks are judged by
     * table size. Property: {@code migration.statsFile}.
     */
    @Parameter(property = "migration.statsFile")
    private File statsFile;

    /**
     * Tables with fewer rows count as small: a short lock on them is not reported as blocking. Property:
     * {@code migration.smallTableRows}.
     */
    @Parameter(property = "migration.smallTableRows", defaultValue = "10000")
    private long smallTableRows;

    /**
     * Per-rule overrides: {@code <rules><rule><id>ban-drop-column</id><severity>WARNING</severity></rule></rules>};
     * {@code <enabled>false</enabled>} turns a rule off. POM only.
     */
    @Parameter
    private List<Rule> rules;

    /** Flyway placeholders, replaced in the scripts as Flyway would before analysis. POM only. */
    @Parameter
    private Map<String, String> placeholders;

    /**
     * Where the migrations under review are traced: {@code embedded} (an embedded PostgreSQL of
     * {@code postgresVersion}, started on first use), {@code none} (static rules only; not allowed
     * for {@code validate}) or the {@code jdbc:postgresql:} URL of a server where a uniquely named scratch
     * database is created and dropped. Property: {@code migration.shadow}.
     */
    @Parameter(property = "migration.shadow", defaultValue = "embedded")
    private String shadow;

    /** User for a {@code jdbc:postgresql:} {@code shadow}. Property: {@code migration.shadowUser}. */
    @Parameter(property = "migration.shadowUser")
    private String shadowUser;

    /**
     * Password for a {@code jdbc:postgresql:} {@code shadow}; never logged. Property:
     * {@code migration.shadowPassword}.
     */
    @Parameter(property = "migration.shadowPassword")
    private String shadowPassword;

    /**
     * JDBC URL of the database the migrations will be deployed to, read only, e.g.
     * {@code jdbc:postgresql://db:5432/orders}; falls back to Flyway's {@code flyway.url}. Without either there is
     * no target and {@code statsFile} sizes the tables. Property: {@code migration.url}.
     */
    @Parameter(property = "migration.url")
    private String url;

    /** Flyway's {@code flyway.url} property, used when {@code url} is not set. Property: {@code flyway.url}. */
    @Parameter(property = "flyway.url")
    private String flywayUrl;

    /**
     * User for the target database; falls back to Flyway's {@code flyway.user}. When neither is set, the
     * settings.xml server {@code serverId} supplies user and password. Property: {@code migration.user}.
     */
    @Parameter(property = "migration.user")
    private String user;

    /** Flyway's {@code flyway.user} property, used when {@code user} is not set. Property: {@code flyway.user}. */
    @Parameter(property = "flyway.user")
    private String flywayUser;

    /**
     * Password for the target database; falls back to Flyway's {@code flyway.password}; never logged. Prefer the
     * settings.xml server {@code serverId}, which keeps it out of the POM. Property: {@code migration.password}.
     */
    @Parameter(property = "migration.password")
    private String password;

    /**
     * Flyway's {@code flyway.password} property, used when {@code password} is not set. Property:
     * {@code flyway.password}.
     */
    @Parameter(property = "flyway.password")
    private String flywayPassword;

    /**
     * Id of the settings.xml {@code <server>} holding the target's user and (possibly encrypted) password, as
     * for Flyway: consulted only when no {@code user} is set; setting a user while the server also exists is an
     * error. Property: {@code migration.serverId}.
     */
    @Parameter(property = "migration.serverId", defaultValue = "flyway-db")
    private String serverId;

    /** Maven's settings, for the {@code serverId} credentials. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** The project under check: its base directory anchors relative paths; receives {@code migration.outcome}. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private static final String EMBEDDED_SERVER_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.zonky.test";

    /**
     * Analyzes, logs the summary, writes the reports and applies the gate.
     *
     * @param goal the goal name, for messages
     * @param decrypter decrypts settings.xml passwords
     * @param requireShadow {@code true} when the goal traces and so rejects {@code <shadow>none}
     */
    protected final void run(String goal, SettingsDecrypter decrypter, boolean requireShadow)
            throws MojoExecutionException, MojoFailureException {
        if (skipped(goal)) {
            return;
        }
        // grows by the settings.xml password once the request has it, so that a driver echoing it is masked too
        List<Secret> secrets = new ArrayList<>();
        Path reportDir = outputDirectory();
        Analysis analysis;
        try {
            Set<ReportFormat> reportFormats = CheckConfiguration.formats(formats);
            AnalysisRequest request = request(decrypter, requireShadow, secrets);
            analysis = MigrationAgent.analyze(request, new MavenLogListener(getLog()));
            // The summary lines carry their own severity word; Maven's level prefix on top would only repeat it.
            Reports.consoleSummary(analysis).forEach(getLog()::info);
            for (Path written : Reports.writeAll(analysis, reportFormats, reportDir)) {
                getLog().info("Report: " + written);
            }
        } catch (IOException e) {
            throw MojoErrors.reportsNotWritten(reportDir, e);
        } catch (RuntimeException e) {
            throw rethrow(goal, e, secrets);
        } finally {
            // Maven closes the plugin's class realm before JVM exit, when the server library's own shutdown hook
            // could no longer load its classes and would leave the server's data directory in /tmp.
            MigrationAgent.stopEmbeddedServers();
        }

        boolean passes = analysis.passes(failOnWarning);
        project.getProperties().setProperty("migration.outcome", passes ? "safe" : "unsafe");
        if (passes) {
            return;
        }
        if (!failOnError) {
            getLog().warn("Migrations are not safe to deploy; not failing the build (migration.failOnError=false)");
            return;
        }
        throw blocking(analysis);
    }

    /** The gate failure for an unsafe analysis: its blocking findings, each with its fix. */
    protected final MojoFailureException blocking(Analysis analysis) {
        return MojoErrors.gateFailed(analysis.activeFindings().stream()
                .filter(f -> f.severity() == Severity.ERROR || (failOnWarning && f.severity() == Severity.WARNING))
                .toList());
    }

    /** Whether {@code migration.skip} is set (after saying so); also quiets the embedded server's INFO lines. */
    protected final boolean skipped(String goal) {
        if (skip) {
            getLog().info("Skipping migration:" + goal + " (migration.skip=true)");
            return true;
        }
        // The embedded server library reports every start at INFO through Maven's SLF4J logger; only its
        // warnings belong in a build log. A user's own -D setting wins.
        if (System.getProperty(EMBEDDED_SERVER_LOG_LEVEL) == null) {
            System.setProperty(EMBEDDED_SERVER_LOG_LEVEL, "warn");
        }
        return false;
    }

    /** Where reports are written ({@code outputDirectory}). */
    protected final Path outputDirectory() {
        return outputDirectory.toPath();
    }

    /**
     * The analysis request this configuration describes; every secret it holds (POM, settings.xml) is added to
     * {@code secrets}, so that messages can be masked.
     */
    protected final AnalysisRequest request(SettingsDecrypter decrypter, boolean requireShadow, List<Secret> secrets) {
        CheckConfiguration configuration = configuration();
        secrets.addAll(configuration.databases().secrets());
        AnalysisRequest request = configuration.toRequest(new SettingsServers(settings, decrypter, getLog()),
                requireShadow);
        secrets.addAll(CheckConfiguration.secretsOf(request));
        // toString of shadow and target shows neither passwords nor URL parameters
        getLog().debug("Shadow: " + request.shadow() + "; target: " + request.target());
        return request;
    }

    /**
     * Throws the Maven exception for a core exception: who must act, in one line, secrets masked. Declared to
     * return so that callers can write {@code throw rethrow(...)}.
     */
    protected static IllegalStateException rethrow(String goal, RuntimeException e, List<Secret> secrets)
            throws MojoExecutionException, MojoFailureException {
        if (e instanceof DatabaseUnavailableException unavailable) {
            throw MojoErrors.databaseUnavailable(unavailable, secrets);
        }
        if (e instanceof MigrationAgentException agent) {
            throw MojoErrors.map(agent, secrets);
        }
        // a defect in the core; distinguish it from the user's mistakes above
        throw MojoErrors.unexpected(goal, e);
    }

    private CheckConfiguration configuration() {
        CheckConfiguration.Databases databases = new CheckConfiguration.Databases(shadow, shadowUser,
                Secret.of(shadowPassword), url, flywayUrl, user, flywayUser, Secret.of(password),
                Secret.of(flywayPassword), serverId);
        return new CheckConfiguration(project.getBasedir().toPath(),
                locations == null ? List.of() : Arrays.asList(locations),
                flywayLocations, baselineVersion, gitBase, postgresVersion,
                statsFile == null ? null : statsFile.toPath(), smallTableRows, rules, placeholders, databases);
    }
}
