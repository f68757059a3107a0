package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Severity;
import java.util.ArrayList;
import java.util.List;

/** Finding counts as every report states them: active findings per severity, plus suppressed ones. */
record Counts(long errors, long warnings, long infos, long suppressed) {

    static Counts of(Analysis analysis) {
        return new Counts(analysis.count(Severity.ERROR), analysis.count(Severity.WARNING),
                analysis.count(Severity.INFO), analysis.findings().size() - analysis.activeFindings().size());
    }

    /** E.g. {@code 2 errors, 1 warning, 1 suppressed}; zero counts are left out. */
    String phrase() {
        List<String> parts = new ArrayList<>();
        add(parts, errors, "error", "errors");
        add(parts, warnings, "warning", "warnings");
        add(parts, infos, "info", "infos");
        add(parts, suppressed, "suppressed", "suppressed");
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }

    private static void add(List<String> parts, long n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }
}
