package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.report.DeployReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
final class DeployCommand implements Callable<Integer>, ConfigurationOptions {
    private static final Map<String, String> OPTIONS = ConfigurationOptions.withDatabaseOptions(Map.of(
            "locations", "--location",
            "budget", "--budget",
            "lockTimeout", "--lock-timeout",
            "blockingThreshold", "--blocking-threshold",
            "table", "--table"));

    private final EnvironmentSecrets secrets;

    DeployCommand() {
        this(System::getenv);
    }

    DeployCommand(Function<String, String> environment) {
        this.secrets = new EnvironmentSecrets(environment);
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--location"}, paramLabel = "LOCATION",
            description = "A Flyway location (filesystem:DIR or DIR); repeat for several (default: "
                    + AnalysisRequest.DEFAULT_LOCATION + ").")
    List<String> locations;

    @Option(names = "--url", paramLabel = "URL", required = true, description = "JDBC URL of the target database.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "User for --url.")
    String user;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Environment variable holding the password for --url.")
    String passwordEnv;

    @Option(names = "--pg-version", paramLabel = "N", description = "PostgreSQL major to analyze for (default: the"
            + " target's).")
    Integer postgresVersion;

    @Option(names = "--shadow", paramLabel = "none|embedded|URL", defaultValue = "embedded",
            description = "Where the pending migrations are traced before the deploy (default: ${DEFAULT-VALUE}).")
    String shadow;

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

    @Option(names = "--table", paramLabel = "NAME", defaultValue = DeployRequest.DEFAULT_HISTORY_TABLE,
            description = "Flyway's schema history table (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "target/migration-agent",
            description = "Where the deploy and incident reports go (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = {"-v", "--verbose"}, description = "Print progress messages to stderr.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DeployResult result = MigrationAgent.deploy(request(), listener(err));
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

    /** The core request the options describe, without running it. */
    DeployRequest request() {
        AnalysisRequest.Builder builder = AnalysisRequest.builder(Path.of("").toAbsolutePath())
                .shadow(ShadowSetting.parse(shadow, null, null))
                .target(new DatabaseConnection(url, user, secrets.fromEnv("--password-env", passwordEnv)));
        if (locations != null) {
            builder.locations(locations);
        }
        if (postgresVersion != null) {
            builder.postgresVersion(postgresVersion);
        }
        DeployGuards guards = DeployGuards.DEFAULTS
                .withBudget(DeployGuards.parseDuration("budget", budget))
                .withLockTimeout(DeployGuards.parseDuration("lockTimeout", lockTimeout))
                .withBlockingThreshold(DeployGuards.parseDuration("blockingThreshold", blockingThreshold));
        return new DeployRequest(builder.build(), guards, dryRun, overrideReason, outputDir, table);
    }

    private Listener listener(PrintWriter err) {
        return (level, message) -> {
            if (level == Listener.Level.WARN) {
                err.println("warning: " + message);
            } else if (verbose || level == Listener.Level.INFO && message.startsWith("Appl")) {
                err.println(message);
            }
        };
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return Optional.ofNullable(OPTIONS.get(parameter));
    }

    @Override
    public List<Secret> secrets() {
        return secrets.all();
    }
}
