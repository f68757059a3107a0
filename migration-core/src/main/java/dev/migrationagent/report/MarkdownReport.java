package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pull-request comment a reviewer can act on without opening other files. */
final class MarkdownReport {
    /** Lets a CI step find and update its previous comment instead of adding a new one. */
    static final String MARKER = "<!-- migration-agent -->";

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final Analysis analysis;
    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(Analysis analysis) {
        this.analysis = analysis;
        analysis.rules().forEach(r -> r.altIds().forEach(alt -> rules.putIfAbsent(alt, r)));
        analysis.rules().forEach(r -> rules.put(r.id(), r));
    }

    static String render(Analysis analysis) {
        return new MarkdownReport(analysis).build();
    }

    private String build() {
        out.append(MARKER).append("\n");
        out.append("## ").append(analysis.safeToDeploy() ? "✅ Safe to deploy" : "❌ Not safe to deploy")
                .append("\n\n");
        out.append("Migration Agent: ").append(Counts.of(analysis).phrase()).append(" (PostgreSQL ")
                .append(analysis.postgresVersion()).append(").\n\n");
        verdictTable();
        out.append("**Recommended approach:** ").append(analysis.recommendedApproach().strip()).append("\n");
        List<Finding> active = analysis.activeFindings();
        if (!active.isEmpty()) {
            out.append("\n### Findings\n");
            String script = null;
            for (Finding f : active) {
                if (!f.script().equals(script)) {
                    script = f.script();
                    out.append("\n#### `").append(script).append("`\n");
                }
                finding(f);
            }
        }
        List<Finding> suppressed = analysis.findings().stream().filter(Finding::suppressed).toList();
        if (!suppressed.isEmpty()) {
            out.append("\n### Suppressed\n\n");
            for (Finding f : suppressed) {
                out.append("- ").append(ruleLink(f.ruleId())).append(" at `").append(f.position()).append("`: ")
                        .append(oneLine(f.suppression())).append("\n");
            }
        }
        return out.toString();
    }

    private void verdictTable() {
        out.append("| Verdict | Value |\n|---|---|\n");
        row("Safe to deploy", yesNo(analysis.safeToDeploy()));
        row("Breaking changes", yesNo(analysis.breakingChanges()));
        row("Performance impact", analysis.performanceImpact().id());
        row("Estimated lock time", seconds(analysis.lockDurationEstimateSeconds()));
        row("Requires data migration", yesNo(analysis.requiresDataMigration()));
        row("Rollback complexity", analysis.rollbackComplexity() + " / 5");
        row("PostgreSQL", String.valueOf(analysis.postgresVersion()));
        out.append("\n");
    }

    private void row(String name, String value) {
        out.append("| ").append(cell(name)).append(" | ").append(cell(value)).append(" |\n");
    }

    private void finding(Finding f) {
        out.append("\n**").append(f.severity().name()).append("** ").append(ruleLink(f.ruleId()))
                .append(" at `").append(f.position()).append("`");
        if (f.lockSeconds() != null) {
            out.append(" (lock ≈ ").append(seconds(f.lockSeconds())).append(")");
        }
        out.append("\n");
        codeBlock(f.statement());
        out.append("\n").append(f.message().strip()).append("\n");
        out.append("\n**Safe alternative:**\n");
        fix(f.fix().strip());
    }

    /**
     * Fix text is prose, SQL, or prose introducing SQL. A line ending in {@code ;} is the cheapest reliable sign
     * of SQL; leading lines ending in {@code :} are the introduction and stay prose.
     */
    private void fix(String fix) {
        List<String> lines = fix.lines().toList();
        if (lines.stream().noneMatch(line -> line.strip().endsWith(";"))) {
            out.append("\n").append(fix).append("\n");
            return;
        }
        int intro = 0;
        while (intro < lines.size() && lines.get(intro).strip().endsWith(":")) {
            intro++;
        }
        if (intro > 0) {
            out.append("\n").append(String.join("\n", lines.subList(0, intro))).append("\n");
        }
        codeBlock(String.join("\n", lines.subList(intro, lines.size())));
    }

    private void codeBlock(String sql) {
        // The fence must be longer than any backtick run inside, or the block would end early.
        int longest = 0;
        Matcher m = BACKTICKS.matcher(sql);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.append("\n").append(fence).append("sql\n").append(sql.strip()).append("\n").append(fence).append("\n");
    }

    private String ruleLink(String ruleId) {
        RuleInfo rule = rules.get(ruleId);
        String code = "`" + ruleId + "`";
        return rule == null ? code : "[" + code + "](" + rule.docPath() + ")";
    }

    static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " s";
    }
}
