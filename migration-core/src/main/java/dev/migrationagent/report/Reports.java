package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Writes an {@link Analysis} in the supported formats. */
public final class Reports {
    private Reports() {}

    /** Writes one report to {@code out}; the caller closes it. */
    public static void write(Analysis analysis, ReportFormat format, Writer out) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Writes each format to {@code outputDir/<format file name>}, creating the directory.
     *
     * @return the files written, in the order of {@code formats}
     */
    public static List<Path> writeAll(Analysis analysis, Set<ReportFormat> formats, Path outputDir)
            throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** A concise console summary: one line per active finding plus a verdict line. */
    public static List<String> consoleSummary(Analysis analysis) {
        throw new UnsupportedOperationException("not yet");
    }
}
