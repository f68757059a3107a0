package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code migration-agent analyze}: static analysis of migration files, no Maven and no database needed. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyzes migration files with the static rules and writes a report.",
            "The report goes to --output (or stdout); a short summary goes to stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:safe to deploy", "1:not safe to deploy", "2:bad usage or input", "3:internal error"})
final class AnalyzeCommand implements Callable<Integer>, ConfigurationOptions {

    /** Core configuration keys and the options that set them, for error messages. */
    private static final Map<String, String> OPTIONS = Map.of(
            "postgresVersion", "--pg-version",
            "statsFile", "--stats",
            "smallTableRows", "--small-table-rows");

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
            defaultValue = "" + AnalysisRequest.MAX_POSTGRES,
            description = "Target PostgreSQL major version, " + AnalysisRequest.MIN_POSTGRES + " to "
                    + AnalysisRequest.MAX_POSTGRES + " (default: ${DEFAULT-VALUE}).")
    int postgresVersion;

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

        Path baseDir = Path.of("").toAbsolutePath();
        AnalysisRequest.Builder builder = AnalysisRequest.builder(baseDir)
                .scope(new ReviewScope.All())
                .postgresVersion(postgresVersion)
                .statsFile(statsFile);
        migrations.forEach(builder::file);
        if (smallTableRows != null) {
            builder.smallTableRows(smallTableRows);
        }
        Analysis analysis = MigrationAgent.analyze(builder.build(), listener(err));

        writeReport(analysis);
        Reports.consoleSummary(analysis).forEach(err::println);
        err.flush();
        return analysis.safeToDeploy() ? ExitCodes.SAFE : ExitCodes.UNSAFE;
    }

    @Override
    public Optional<String> optionFor(String parameter) {
        return Optional.ofNullable(OPTIONS.get(parameter));
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
