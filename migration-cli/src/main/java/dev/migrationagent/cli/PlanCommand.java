package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.PlanRequest;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migration-agent plan}: writes the safe version of each unsafe migration file, a multi-step plan with undo
 * scripts proven on a shadow database, with the same settings as the Maven plugin's {@code plan} goal.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Plans the migration files that are not safe as written: multi-step Flyway scripts with undo scripts,"
                    + " each step proven on a shadow database (embedded by default).",
            "Writes release-N/ folders, plan.md and plan.json to --output-dir and prints a summary and the next"
                    + " steps."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every plan verified, or nothing to plan",
            "1:a plan is not verified on the shadow (see plan.md)",
            "2:bad usage or input (including --shadow none), or a database that cannot be reached",
            "3:internal error"
        })
final class PlanCommand extends RequestCommand {

    /** The plan settings and the options that set them, for error messages. */
    private static final Map<String, String> OPTIONS = Map.of(
            "outputDirectory", "--output-dir",
            "batchSize", "--batch-size",
            "batchPause", "--batch-pause",
            "backfill", "--backfill");

    PlanCommand() {
        this(System::getenv);
    }

    PlanCommand(Function<String, String> environment) {
        super(environment);
    }

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            defaultValue = "target/migration-agent/plan",
            description = "Where the plan goes; earlier release folders there are replaced (default: ${DEFAULT-VALUE}).")
    Path outputDirectory;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "" + PlanRequest.DEFAULT_BATCH_SIZE,
            description = "The most rows one statement of a batched backfill touches (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--batch-pause",
            paramLabel = "DURATION",
            defaultValue = "100ms",
            description = "Pause between two backfill batches: a whole number with ms, s or m, such as 100ms, 2s or"
                    + " 1m (default: ${DEFAULT-VALUE}).")
    String batchPause;

    @Option(
            names = "--backfill",
            paramLabel = "TABLE.COLUMN=SQL",
            description = "Value for the existing rows of a new NOT NULL column without a default, e.g."
                    + " orders.region='unknown'; repeat for several columns.")
    Map<String, String> backfill = new LinkedHashMap<>();

    @Option(names = "--no-backup", description = "Drop columns and tables in contract steps without keeping a copy.")
    boolean noBackup;

    @Option(
            names = "--no-fail-on-unverified",
            description = "Exit 0 even when a plan is not verified (the plan is still written).")
    boolean noFailOnUnverified;

    @Override
    public Integer call() {
        requireReadableInputs();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PlanRequest request = new PlanRequest(request(), outputDirectory, batchSize,
                PlanRequest.parsePause(batchPause), backfill, !noBackup);

        PlanResult result = MigrationAgent.plan(request, listener(err));

        Reports.planSummary(result).forEach(out::println);
        out.flush();
        err.flush();
        return result.verified() || noFailOnUnverified ? ExitCodes.SAFE : ExitCodes.UNSAFE;
    }

    @Override
    boolean requiresShadow() {
        return true;
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return super.optionFor(parameter).or(() -> Optional.ofNullable(OPTIONS.get(parameter)));
    }
}
