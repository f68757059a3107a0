package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.api.Severity;
import dev.migrationagent.report.ReportFormat;
import dev.migrationagent.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Judges the pending Flyway migrations for PostgreSQL with the static rules, writes the reports and fails the
 * build when a migration is not safe to deploy as written.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Skips the check. Property: {@code migration.skip}. */
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

    /** Target PostgreSQL major version (10 to 17). Property: {@code migration.postgresVersion}. */
    @Parameter(property = "migration.postgresVersion", defaultValue = "17")
    private int postgresVersion;

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

    /** The project under check: its base directory anchors relative paths; receives {@code migration.outcome}. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping migration:check (migration.skip=true)");
            return;
        }
        Path reportDir = outputDirectory.toPath();
        Analysis analysis;
        try {
            Set<ReportFormat> reportFormats = CheckConfiguration.formats(formats);
            analysis = MigrationAgent.analyze(configuration().toRequest(), new MavenLogListener(getLog()));
            // The summary lines carry their own severity word; Maven's level prefix on top would only repeat it.
            Reports.consoleSummary(analysis).forEach(getLog()::info);
            for (Path written : Reports.writeAll(analysis, reportFormats, reportDir)) {
                getLog().info("Report: " + written);
            }
        } catch (MigrationAgentException e) {
            throw MojoErrors.map(e);
        } catch (IOException e) {
            throw MojoErrors.reportsNotWritten(reportDir, e);
        } catch (RuntimeException e) { // a defect in the core; distinguish it from the user's mistakes above
            throw MojoErrors.unexpected(e);
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
        throw MojoErrors.gateFailed(blocking(analysis));
    }

    private CheckConfiguration configuration() {
        return new CheckConfiguration(project.getBasedir().toPath(),
                locations == null ? List.of() : Arrays.asList(locations),
                flywayLocations, baselineVersion, gitBase, postgresVersion,
                statsFile == null ? null : statsFile.toPath(), smallTableRows, rules, placeholders);
    }

    private List<Finding> blocking(Analysis analysis) {
        return analysis.activeFindings().stream()
                .filter(f -> f.severity() == Severity.ERROR || (failOnWarning && f.severity() == Severity.WARNING))
                .toList();
    }
}
