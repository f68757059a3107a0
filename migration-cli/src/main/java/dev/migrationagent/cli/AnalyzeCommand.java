package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.report.ReportFormat;
import dev.migrationagent.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code migration-agent analyze}: analysis of migration files, static by default (no Maven and no database
 * needed); {@code --shadow} adds a traced run, {@code --url} reads the target database.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyzes migration files with the static rules (with --shadow, also traces them on a scratch database)"
                    + " and writes a report.",
            "The report goes to --output (or stdout); a short summary goes to stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:safe to deploy",
            "1:not safe to deploy",
            "2:bad usage or input, or a database that cannot be reached",
            "3:internal error"
        })
class AnalyzeCommand implements Callable<Integer>, ConfigurationOptions {

    /** Core configuration keys and the options that set them, for error messages. */
    private static final Map<String, String> OPTIONS = ConfigurationOptions.withDatabaseOptions(Map.of(
            "statsFile", "--stats",
            "smallTableRows", "--small-table-rows",
            "shadow.user", "--shadow-user",
            "shadow.password", "--shadow-password-env"));

    /** Secrets read from the environment (a parameter, so tests need not set real variables), for masking. */
    private final EnvironmentSecrets secrets;

    AnalyzeCommand() {
        this(System::getenv);
    }

    AnalyzeCommand(Function<String, String> environment) {
        this.secrets = new EnvironmentSecrets(environment);
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-m", "--migration"},
            paramLabel = "FILE",
            required = true,
            description = "A migration file under review; repeat for several, analyzed in the given order.")
    List<Path> migrations;

    @Option(
            names = "--pg-version",
            paramLabel = "N",
            description = "Target PostgreSQL major version, " + AnalysisRequest.MIN_POSTGRES + " to "
                    + AnalysisRequest.MAX_POSTGRES + " (default: the --url server's major, else "
                    + AnalysisRequest.MAX_POSTGRES + ").")
    Integer postgresVersion;

    @Option(names = "--stats", paramLabel = "FILE", description = "Table statistics (JSON) to size lock estimates.")
    Path statsFile;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "json",
            converter = FormatConverter.class,
            description = "Report format: json, md or sarif (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Report file (default: stdout).")
    Path output;

    @Option(
            names = "--small-table-rows",
            paramLabel = "N",
            description = "Tables with fewer rows are small: their locks do not count as blocking "
                    + "(default: the core's, 10000).")
    Long smallTableRows;

    @Option(names = {"-v", "--verbose"}, description = "Print progress messages to stderr.")
    boolean verbose;

    @Option(
            names = "--shadow",
            paramLabel = "none|embedded|URL",
            description = "Where to trace the migrations: none (static rules only), embedded (an embedded "
                    + "PostgreSQL), or the jdbc:postgresql: URL of a server for scratch databases (default: none for analyze, embedded for validate, which refuses none).")
    String shadow;

    @Option(names = "--shadow-user", paramLabel = "USER", description = "User for a --shadow URL.")
    String shadowUser;

    @Option(
            names = "--shadow-password-env",
            paramLabel = "NAME",
            description = "Environment variable holding the password for a --shadow URL.")
    String shadowPasswordEnv;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "JDBC URL of the target database, read only: its PostgreSQL major and table sizes.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "User for --url.")
    String user;

    @Option(
            names = "--password-env",
            paramLabel = "NAME",
            description = "Environment variable holding the password for --url (never the password itself: "
                    + "command lines show up in process lists and shell history).")
    String passwordEnv;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // checked here, before the core runs, so the message names the option the user typed
        for (Path migration : migrations) {
            requireReadableFile("--migration", migration);
        }
        if (statsFile != null) {
            requireReadableFile("--stats", statsFile);
        }

        Analysis analysis = MigrationAgent.analyze(request(), listener(err));

        writeReport(analysis);
        Reports.consoleSummary(analysis).forEach(err::println);
        err.flush();
        return analysis.safeToDeploy() ? ExitCodes.SAFE : ExitCodes.UNSAFE;
    }

    /** The core request the options describe, without running it: the seam the option tests use. */
    AnalysisRequest request() {
        AnalysisRequest.Builder builder = AnalysisRequest.builder(Path.of("").toAbsolutePath())
                .scope(new ReviewScope.All())
                .statsFile(statsFile)
                .shadow(shadowSetting());
        migrations.forEach(builder::file);
        if (postgresVersion != null) {
            builder.postgresVersion(postgresVersion);
        }
        if (smallTableRows != null) {
            builder.smallTableRows(smallTableRows);
        }
        if (url != null) {
            builder.target(new DatabaseConnection(url, user, secretFromEnv("--password-env", passwordEnv)));
        }
        return builder.build();
    }

    /** The shadow used when {@code --shadow} is not given. */
    String defaultShadow() {
        return "none";
    }

    /** Whether {@code --shadow none} is refused, for subcommands whose point is the traced run. */
    boolean requiresShadow() {
        return false;
    }

    private ShadowSetting shadowSetting() {
        String text = shadow == null ? defaultShadow() : shadow;
        ShadowSetting setting = ShadowSetting.parse(text, shadowUser,
                secretFromEnv("--shadow-password-env", shadowPasswordEnv));
        if (requiresShadow() && setting instanceof ShadowSetting.None) {
            throw new InvalidConfigurationException("shadow", text.trim(), spec.name() + " traces the migrations "
                    + "and needs a shadow: use embedded or a jdbc:postgresql: URL, or run analyze for the static "
                    + "rules alone");
        }
        return setting;
    }

    private Secret secretFromEnv(String option, String name) {
        return secrets.fromEnv(option, name);
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return Optional.ofNullable(OPTIONS.get(parameter));
    }

    @Override
    public List<Secret> secrets() {
        return secrets.all();
    }

    private void writeReport(Analysis analysis) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            Reports.write(analysis, format, out);
            out.flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                Reports.write(analysis, format, writer);
            }
        } catch (IOException e) {
            throw new UsageException("--output " + output + ": cannot write: " + reason(e));
        }
    }

    private static void requireReadableFile(String option, Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(option + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + " " + file + ": not readable");
        }
    }

    private Listener listener(PrintWriter err) {
        return (level, message) -> {
            if (level == Listener.Level.WARN) {
                err.println("warning: " + message);
            } else if (verbose) {
                err.println(message);
            }
        };
    }

    /** NIO exceptions carry the path as message; the class name says what went wrong. */
    private static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return switch (kind) {
            case "NoSuchFile" -> "no such directory";
            case "AccessDenied" -> "permission denied";
            case "FileSystem" -> String.valueOf(((java.nio.file.FileSystemException) e).getReason());
            default -> kind.isEmpty() ? String.valueOf(e.getMessage()) : kind + ": " + e.getMessage();
        };
    }

    /** Accepts the names {@link ReportFormat#parse} knows, with a message listing them otherwise. */
    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            ReportFormat format = ReportFormat.parse(value);
            if (format == null) {
                throw new TypeConversionException("'" + value + "' is not a report format; use json, md or sarif");
            }
            return format;
        }
    }
}
