package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.PerformanceImpact;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    @Test
    void writesExactlyOneRunWithOneResultPerFindingIncludingSuppressed() throws Exception {
        JsonNode root = sarif(SampleAnalysis.unsafe());

        assertThat(root.get("runs")).hasSize(1);
        assertThat(root.has("originalUriBaseIds")).isFalse();
        assertThat(root.get("runs").get(0).has("originalUriBaseIds")).isFalse();
        JsonNode results = root.get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(1).get("suppressions").get(0).get("justification").asText())
                .isEqualTo("orders_archive | has 200 rows, checked by the DBA");
        assertThat(results.get(0).has("suppressions")).isFalse();
    }

    @Test
    void percentEncodesSpacesAndNonAsciiInRelativeUris() {
        assertThat(SarifReport.uri("db/migration/V2__café.sql")).isEqualTo("db/migration/V2__caf%C3%A9.sql");
        assertThat(SarifReport.uri("db\\my migrations/V1__a#b.sql")).isEqualTo("db/my%20migrations/V1__a%23b.sql");
    }

    @Test
    void fingerprintSurvivesLineShiftsAndReformatting() {
        Finding original = SampleAnalysis.createIndex();
        Finding moved = new Finding(original.ruleId(), original.category(), original.severity(), original.script(),
                original.line() + 10, 5, "CREATE INDEX idx_orders_note ON orders (note)", original.message(),
                original.fix(), original.lockSeconds(), original.evidence(), null);

        assertThat(SarifReport.fingerprint(moved.ruleId(), moved)).isEqualTo(SarifReport.fingerprint(original.ruleId(), original)).hasSize(64);
        assertThat(SarifReport.fingerprint("ban-rename-column", SampleAnalysis.rename())).isNotEqualTo(SarifReport.fingerprint(original.ruleId(), original));
    }

    @Test
    void omitsRuleIndexWhenTheRuleIsNotInTheRun() throws Exception {
        Analysis noRules = new Analysis(false, false, PerformanceImpact.LOW, 0, false, 1, "n/a",
                List.of(SampleAnalysis.rename()), List.of(), List.of(), 15);

        JsonNode result = sarif(noRules).get("runs").get(0).get("results").get(0);

        assertThat(result.has("ruleIndex")).isFalse();
        assertThat(result.get("ruleId").asText()).isEqualTo("ban-rename-column");
    }

    @Test
    void reportsFormerRuleIdsUnderTheCurrentRule() throws Exception {
        Finding old = new Finding("create-index-concurrently", SampleAnalysis.createIndex().category(),
                SampleAnalysis.createIndex().severity(), "V1__a.sql", 1, 1, "CREATE INDEX i ON t (c)", "m", "f",
                null, SampleAnalysis.createIndex().evidence(), null);
        Analysis analysis = new Analysis(false, false, PerformanceImpact.LOW, 0, false, 1, "n/a", List.of(old),
                List.of(), SampleAnalysis.rules(), 15);

        JsonNode result = sarif(analysis).get("runs").get(0).get("results").get(0);

        assertThat(result.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(result.get("ruleId").asText()).isEqualTo("require-concurrent-index");
    }

    static JsonNode sarif(Analysis analysis) throws Exception {
        return new ObjectMapper().readTree(Reports.render(analysis, ReportFormat.SARIF));
    }
}
