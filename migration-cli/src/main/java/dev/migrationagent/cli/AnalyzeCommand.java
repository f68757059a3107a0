package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.report.ReportFormat;
import dev.migrationagent.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
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
class AnalyzeCommand extends RequestCommand {

    AnalyzeCommand() {
        this(System::getenv);
    }

    AnalyzeCommand(Function<String, String> environment) {
        super(environment);
    }

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "json",
            converter = FormatConverter.class,
            description = "Report format: json, md or sarif (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Report file (default: stdout).")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        requireReadableInputs();

        Analysis analysis = MigrationAgent.analyze(request(), listener(err));

        writeReport(analysis);
        Reports.consoleSummary(analysis).forEach(err::println);
        err.flush();
        return analysis.safeToDeploy() ? ExitCodes.SAFE : ExitCodes.UNSAFE;
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
