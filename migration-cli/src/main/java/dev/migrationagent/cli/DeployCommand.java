package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Listener;
import dev.migrationagent.report.DeployReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code migration-agent deploy}: the guarded deploy (or, with {@code --dry-run}, its plan) of Flyway locations. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Applies the pending Flyway migrations to --url with lock and statement timeouts, lock retries with"
                    + " back-off, an overall budget and a monitor of blocked sessions; refuses when the analysis"
                    + " says unsafe unless --override-reason is given.",
            "Progress and the result go to stderr; deploy.md and deploy.json (incident.md and incident.json on"
                    + " failure) go to --output-dir."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied, up to date, or dry run",
            "1:refused (unsafe) or failed (see incident.md)",
            "2:bad usage or input, a database that cannot be reached, or another deploy holding the target",
            "3:internal error"
        })
final class DeployCommand extends RequestCommand {

    /** The guard settings and the options that set them, for error messages. */
    private static final Map<String, String> OPTIONS = Map.of(
            "budget", "--budget",
            "lockTimeout", "--lock-timeout",
            "blockingThreshold", "--blocking-threshold");

    DeployCommand() {
        this(System::getenv);
    }

    DeployCommand(Function<String, String> environment) {
        super(environment);
    }

    @Option(names = "--dry-run", description = "Print the analysis and what would run, with each statement's"
            + " guards; write nothing to the target.")
    boolean dryRun;

    @Option(names = "--override-reason", paramLabel = "TEXT",
            description = "Deploy although the analysis says unsafe; the reason is recorded in the reports.")
    String overrideReason;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "30s",
            description = "Wall time for the whole deploy (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "100ms",
            description = "lock_timeout of the first attempt; retries grow from it (default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Option(names = "--blocking-threshold", paramLabel = "DURATION", defaultValue = "5s",
            description = "Cancel the migration when it makes others wait longer (default: ${DEFAULT-VALUE}).")
    String blockingThreshold;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "target/migration-agent",
            description = "Where the deploy and incident reports go (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DeployRequest request = deployRequest();
        requireReadableInputs();
        DeployResult result = MigrationAgent.deploy(request, listener(err));
        DeployReports.console(result).forEach(err::println);
        try {
            for (Path written : DeployReports.writeReport(result, outputDir)) {
                err.println("Report: " + written);
            }
        } catch (IOException e) {
            throw new UsageException("--output-dir " + outputDir + ": cannot write: " + e.getMessage());
        }
        err.flush();
        switch (result.outcome()) {
            case LOCKED_OUT:
                return ExitCodes.USAGE;
            case REFUSED:
            case FAILED:
                return ExitCodes.UNSAFE;
            default:
                return ExitCodes.SAFE;
        }
    }

    /**
     * The core request the options describe, without running it. A deploy applies Flyway locations to
     * {@code --url} and reviews what the target has not applied yet, so the options that choose files or a review
     * scope for the other subcommands are usage errors here.
     */
    DeployRequest deployRequest() {
        if (url == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--url=URL'");
        }
        if (migrations != null) {
            throw new ParameterException(spec.commandLine(), "--migration: deploy applies Flyway locations"
                    + " (--location), not single files");
        }
        if (baselineVersion != null || gitBase != null) {
            throw new ParameterException(spec.commandLine(), (baselineVersion != null ? "--baseline-version"
                    : "--git-base") + ": deploy reviews the migrations the target has not applied yet");
        }
        DeployGuards guards = DeployGuards.DEFAULTS
                .withBudget(DeployGuards.parseDuration("budget", budget))
                .withLockTimeout(DeployGuards.parseDuration("lockTimeout", lockTimeout))
                .withBlockingThreshold(DeployGuards.parseDuration("blockingThreshold", blockingThreshold));
        return new DeployRequest(request(), guards, dryRun, overrideReason, outputDir);
    }

    /** Without {@code --location}, Flyway's default location, as for Flyway itself. */
    @Override
    List<String> locations() {
        return locations == null ? List.of(AnalysisRequest.DEFAULT_LOCATION) : locations;
    }

    /** The pending migrations are traced before the deploy unless {@code --shadow none} says otherwise. */
    @Override
    String defaultShadow() {
        return "embedded";
    }

    /** As for every request command, plus the "Applying ..." lines, so that a deploy shows its progress. */
    @Override
    Listener listener(PrintWriter err) {
        Listener base = super.listener(err);
        return (level, message) -> {
            if (!verbose && level == Listener.Level.INFO && message.startsWith("Appl")) {
                err.println(message);
            } else {
                base.on(level, message);
            }
        };
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return super.optionFor(parameter).or(() -> Optional.ofNullable(OPTIONS.get(parameter)));
    }
}
