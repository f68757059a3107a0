package dev.migrationagent.report;

/** The file formats a report can be written in. */
public enum ReportFormat {
    JSON("report.json"),
    MARKDOWN("report.md"),
    SARIF("report.sarif");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name used under the output directory. */
    public String fileName() {
        return fileName;
    }

    /** Parses {@code json}, {@code md}/{@code markdown} or {@code sarif}, or returns {@code null}. */
    public static ReportFormat parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> JSON;
            case "md", "markdown" -> MARKDOWN;
            case "sarif" -> SARIF;
            default -> null;
        };
    }
}
