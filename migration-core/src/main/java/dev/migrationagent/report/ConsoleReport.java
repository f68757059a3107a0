package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import java.util.ArrayList;
import java.util.List;

/** Plain console lines (no ANSI colours: build logs and CI consoles show them as garbage). */
final class ConsoleReport {
    private static final String INDENT = " ".repeat(8);

    private ConsoleReport() {}

    static List<String> lines(Analysis analysis) {
        List<String> lines = new ArrayList<>();
        for (Finding f : analysis.activeFindings()) {
            lines.add(String.format("%-7s %s  %s  %s", f.severity().name(), f.position(), f.ruleId(),
                    oneLine(f.message())));
            lines.add(INDENT + "fix: " + firstLine(f.fix()));
        }
        lines.add("Migration Agent: " + (analysis.safeToDeploy() ? "safe to deploy" : "NOT SAFE to deploy") + " — "
                + Counts.of(analysis).phrase() + " (PostgreSQL " + analysis.postgresVersion() + ")");
        return lines;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
