package dev.migrationagent.maven;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.report.Reports;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes the safe version of every pending migration that is not safe as written: a multi-step plan of Flyway
 * scripts with undo scripts, proven step by step on the {@code shadow} (embedded by default), plus
 * {@code plan.md}; fails the build when a plan does not pass that proof.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractMigrationMojo {

    /**
     * Where the plan goes: {@code release-N/} folders of scripts, {@code plan.md} and {@code plan.json}; earlier
     * release folders there are replaced. Property: {@code migration.plan.outputDirectory}.
     */
    @Parameter(property = "migration.plan.outputDirectory",
            defaultValue = "${project.build.directory}/migration-agent/plan")
    private File outputDirectory;

    /**
     * The most rows one statement of a batched backfill touches (1 to 1000000). Property:
     * {@code migration.plan.batchSize}.
     */
    @Parameter(property = "migration.plan.batchSize", defaultValue = "1000")
    private int batchSize;

    /**
     * The pause between two backfill batches: a whole number with the unit {@code ms}, {@code s} or {@code m}
     * ({@code 100ms}, {@code 2s}, {@code 1m}), or {@code 0}. Property: {@code migration.plan.batchPause}.
     */
    @Parameter(property = "migration.plan.batchPause", defaultValue = "100ms")
    private String batchPause;

    /**
     * Values for the existing rows of new NOT NULL columns without a default, one SQL expression per column:
     * {@code <backfill><value>orders.region='unknown'</value></backfill>} ({@code table.column} or
     * {@code schema.table.column}). Property: {@code migration.plan.backfill}, comma-separated
     * ({@code orders.region='unknown',orders.token=gen_random_uuid()}); a comma not followed by a
     * {@code table.column=} key stays in the SQL.
     */
    @Parameter(property = "migration.plan.backfill")
    private List<String> backfill;

    /**
     * Keeps a copy of the data before a contract step drops a column or table, so its undo script can restore it.
     * Property: {@code migration.plan.backup}.
     */
    @Parameter(property = "migration.plan.backup", defaultValue = "true")
    private boolean backup;

    /**
     * Fails the build when a plan does not pass its proof on the shadow; with {@code false} the plan is still
     * written and the failure logged. Property: {@code migration.plan.failOnUnverified}.
     */
    @Parameter(property = "migration.plan.failOnUnverified", defaultValue = "true")
    private boolean failOnUnverified;

    private final SettingsDecrypter decrypter;

    @Inject
    public PlanMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        PlanConfiguration plan = new PlanConfiguration(outputDirectory.toPath(), batchSize, batchPause, backfill,
                backup);
        run("plan", decrypter, true, PlanConfiguration.PROPERTIES, (request, listener) -> {
            PlanResult result = MigrationAgent.plan(plan.toRequest(request), listener);
            Reports.planSummary(result).forEach(getLog()::info);
            List<PlanResult.Script> unverified = result.scripts().stream().filter(s -> !s.verified()).toList();
            if (unverified.isEmpty()) {
                return;
            }
            if (!failOnUnverified) {
                getLog().warn(unverified.size() + " plan(s) NOT verified; not failing the build "
                        + "(migration.plan.failOnUnverified=false)");
                return;
            }
            throw MojoErrors.planNotVerified(unverified, result.summary());
        });
    }
}
