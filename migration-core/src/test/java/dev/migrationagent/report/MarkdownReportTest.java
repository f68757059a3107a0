package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.PerformanceImpact;
import dev.migrationagent.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void putsAPureSqlFixInOneSqlBlock() {
        String md = render(finding("SELECT 1", "ALTER TABLE t\n  ADD CONSTRAINT c CHECK (x > 0) NOT VALID;"));

        assertThat(md).contains("**Safe alternative:**\n\n```sql\nALTER TABLE t\n  ADD CONSTRAINT c CHECK (x > 0) NOT VALID;\n```\n");
    }

    @Test
    void lengthensTheFenceWhenTheStatementHoldsBackticks() {
        String md = render(finding("SELECT '```' AS fence", "Leave it."));

        assertThat(md).contains("````sql\nSELECT '```' AS fence\n````\n");
    }

    @Test
    void saysSafeAndListsNoFindingsSectionWhenNothingIsActive() {
        String md = Reports.render(SampleAnalysis.safe(), ReportFormat.MARKDOWN);

        assertThat(md).startsWith(MarkdownReport.MARKER + "\n## ✅ Safe to deploy\n").doesNotContain("### Findings")
                .contains("### Suppressed");
    }

    @Test
    void escapesPipesInTableCells() {
        assertThat(MarkdownReport.cell("a | b\nc")).isEqualTo("a \\| b c");
    }

    private static Finding finding(String statement, String fix) {
        return new Finding("some-rule", Category.BLOCKING_LOCK, Severity.WARNING, "V1__a.sql", 1, 1, statement, "m",
                fix, null, Evidence.INFERRED, null);
    }

    private static String render(Finding finding) {
        Analysis analysis = new Analysis(true, false, PerformanceImpact.LOW, 0, false, 1, "n/a", List.of(finding),
                List.of(), List.of(), 17);
        return Reports.render(analysis, ReportFormat.MARKDOWN);
    }
}
