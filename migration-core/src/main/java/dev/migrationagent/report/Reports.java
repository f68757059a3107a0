package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.PlanResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes an {@link Analysis} in the supported formats, and the console lines of a plan run. */
public final class Reports {
    private Reports() {}

    /** Writes one report to {@code out}; the caller closes it. */
    public static void write(Analysis analysis, ReportFormat format, Writer out) throws IOException {
        out.write(render(analysis, format));
        out.flush();
    }

    /**
     * Writes each format to {@code outputDir/<format file name>}, creating the directory.
     *
     * @return the files written, in the order of {@code formats}
     */
    public static List<Path> writeAll(Analysis analysis, Set<ReportFormat> formats, Path outputDir)
            throws IOException {
        Files.createDirectories(outputDir);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path file = outputDir.resolve(format.fileName());
            Files.writeString(file, render(analysis, format), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** A concise console summary: one line per active finding plus a verdict line. */
    public static List<String> consoleSummary(Analysis analysis) {
        return ConsoleReport.lines(analysis);
    }

    /**
     * A concise console summary of a plan run: per planned script whether its plan is verified, its steps, releases
     * and problems; then the next steps. The Maven plugin and the CLI print the same lines.
     */
    public static List<String> planSummary(PlanResult result) {
        return PlanConsoleReport.lines(result);
    }

    static String render(Analysis analysis, ReportFormat format) {
        return switch (format) {
            case JSON -> JsonReport.render(analysis);
            case MARKDOWN -> MarkdownReport.render(analysis);
            case SARIF -> SarifReport.render(analysis);
        };
    }
}
