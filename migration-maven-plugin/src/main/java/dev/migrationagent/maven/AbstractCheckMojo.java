package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.report.ReportFormat;
import dev.migrationagent.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The gate and report parameters {@code check} and {@code validate} add, and the analysis both goals run. */
abstract class AbstractCheckMojo extends AbstractMigrationMojo {

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
     * Analyzes, logs the summary, writes the reports and applies the gate.
     *
     * @param goal the goal name, for messages
     * @param decrypter decrypts settings.xml passwords
     * @param requireShadow {@code true} when the goal traces and so rejects {@code <shadow>none}
     */
    protected final void check(String goal, SettingsDecrypter decrypter, boolean requireShadow)
            throws MojoExecutionException, MojoFailureException {
        run(goal, decrypter, requireShadow, Map.of(), (request, listener) -> {
            Set<ReportFormat> reportFormats = CheckConfiguration.formats(formats);
            Analysis analysis = MigrationAgent.analyze(request, listener);
            // The summary lines carry their own severity word; Maven's level prefix on top would only repeat it.
            Reports.consoleSummary(analysis).forEach(getLog()::info);
            Path reportDir = outputDirectory.toPath();
            try {
                for (Path written : Reports.writeAll(analysis, reportFormats, reportDir)) {
                    getLog().info("Report: " + written);
                }
            } catch (IOException e) {
                throw MojoErrors.reportsNotWritten(reportDir, e);
            }
            gate(analysis);
        });
    }

    private void gate(Analysis analysis) throws MojoFailureException {
        boolean passes = analysis.passes(failOnWarning);
        project().getProperties().setProperty("migration.outcome", passes ? "safe" : "unsafe");
        if (passes) {
            return;
        }
        if (!failOnError) {
            getLog().warn("Migrations are not safe to deploy; not failing the build (migration.failOnError=false)");
            return;
        }
        throw MojoErrors.gateFailed(MojoErrors.blocking(analysis, failOnWarning));
    }
}
