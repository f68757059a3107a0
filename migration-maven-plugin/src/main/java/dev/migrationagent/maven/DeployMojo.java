package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.report.DeployReports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Applies the pending Flyway migrations to the {@code url} target with guards: per-statement lock and statement
 * timeouts, lock retries with back-off, an overall budget, and a monitor that cancels the migration when it blocks
 * other sessions too long. Refuses when the analysis says unsafe, unless {@code migration.override.reason} is set.
 * Writes {@code deploy.md}/{@code deploy.json}, and {@code incident.md}/{@code incident.json} on failure. Bound to
 * no phase: run it explicitly ({@code mvn migration:deploy}) or bind it in the POM.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractMigrationMojo {
    private final SettingsDecrypter decrypter;

    /**
     * Prints the analysis and what would run, with each statement's guards, without writing to the target.
     * Property: {@code migration.dryRun}.
     */
    @Parameter(property = "migration.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Why the deploy goes ahead although the analysis says unsafe; recorded in the reports. Property:
     * {@code migration.override.reason}.
     */
    @Parameter(property = "migration.override.reason")
    private String overrideReason;

    /**
     * Wall time for the whole deploy ({@code 500ms}, {@code 30s}, {@code 10m}); when it runs out the running
     * statement is cancelled and its transaction rolls back. Property: {@code migration.budget}.
     */
    @Parameter(property = "migration.budget", defaultValue = "30s")
    private String budget;

    /**
     * {@code lock_timeout} of the first attempt of each statement; retries grow from it in GitLab's
     * {@code with_lock_retries} pattern. Property: {@code migration.lockTimeout}.
     */
    @Parameter(property = "migration.lockTimeout", defaultValue = "100ms")
    private String lockTimeout;

    /** {@code statement_timeout} of catalog DDL. Property: {@code migration.catalogStatementTimeout}. */
    @Parameter(property = "migration.catalogStatementTimeout", defaultValue = "5s")
    private String catalogStatementTimeout;

    /** {@code statement_timeout} of INSERT/UPDATE/DELETE/DO. Property: {@code migration.dataStatementTimeout}. */
    @Parameter(property = "migration.dataStatementTimeout", defaultValue = "60s")
    private String dataStatementTimeout;

    /**
     * {@code statement_timeout} of CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT and other long, weakly locking
     * steps (also bounded by the budget). Property: {@code migration.longStatementTimeout}.
     */
    @Parameter(property = "migration.longStatementTimeout", defaultValue = "10m")
    private String longStatementTimeout;

    /**
     * How long other sessions may wait on the migration before its statement is cancelled. Property:
     * {@code migration.blockingThreshold}.
     */
    @Parameter(property = "migration.blockingThreshold", defaultValue = "5s")
    private String blockingThreshold;

    /** How long to wait for another deploy to the same target. Property: {@code migration.deployLockWait}. */
    @Parameter(property = "migration.deployLockWait", defaultValue = "60s")
    private String deployLockWait;

    /**
     * Where {@code deploy.md} and {@code deploy.json} are written, and {@code incident.md}/{@code incident.json} on
     * failure; the same directory and property as the reports of {@code check}. Property:
     * {@code migration.outputDirectory}.
     */
    @Parameter(property = "migration.outputDirectory", defaultValue = "${project.build.directory}/migration-agent")
    private File outputDirectory;

    @Inject
    public DeployMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        run("deploy", decrypter, false, Map.of(), (request, listener) -> {
            DeployGuards guards = new DeployGuards(
                    DeployGuards.parseDuration("budget", budget),
                    DeployGuards.parseDuration("lockTimeout", lockTimeout),
                    DeployGuards.parseDuration("catalogStatementTimeout", catalogStatementTimeout),
                    DeployGuards.parseDuration("dataStatementTimeout", dataStatementTimeout),
                    DeployGuards.parseDuration("longStatementTimeout", longStatementTimeout),
                    DeployGuards.parseDuration("blockingThreshold", blockingThreshold),
                    DeployGuards.DEFAULTS.monitorInterval(),
                    DeployGuards.parseDuration("deployLockWait", deployLockWait));
            Path reportDir = outputDirectory.toPath();
            DeployResult result = MigrationAgent.deploy(new DeployRequest(request, guards, dryRun, overrideReason,
                    reportDir), listener);
            DeployReports.console(result).forEach(getLog()::info);
            try {
                for (Path written : DeployReports.writeReport(result, reportDir)) {
                    getLog().info("Report: " + written);
                }
            } catch (IOException e) {
                throw MojoErrors.reportsNotWritten(reportDir, e);
            }
            switch (result.outcome()) {
                case REFUSED:
                    // the deploy refuses on error-level findings only (Analysis.safeToDeploy)
                    throw MojoErrors.deployRefused(MojoErrors.blocking(result.analysis(), false));
                case LOCKED_OUT:
                    throw new MojoExecutionException("Another deploy held " + result.target() + " for more than "
                            + result.guards().deployLockWait().toSeconds() + " s; nothing was applied. Retry when it "
                            + "has finished, or raise -Dmigration.deployLockWait");
                case FAILED:
                    throw MojoErrors.deployFailed(result.incident(), reportDir.resolve("incident.md"));
                default:
                    break;
            }
        });
    }
}
