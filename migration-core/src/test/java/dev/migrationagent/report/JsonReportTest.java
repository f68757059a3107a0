package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.migrationagent.api.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON field names are a published contract (the seed article's), so they are pinned here one by one. */
class JsonReportTest {

    @Test
    void topLevelFieldsHaveExactNamesOrderAndTypes() throws Exception {
        JsonNode root = parse(SampleAnalysis.unsafe());

        Map<String, JsonNodeType> expected = new LinkedHashMap<>();
        expected.put("safe_to_deploy", JsonNodeType.BOOLEAN);
        expected.put("breaking_changes", JsonNodeType.BOOLEAN);
        expected.put("performance_impact", JsonNodeType.STRING);
        expected.put("lock_duration_estimate_seconds", JsonNodeType.NUMBER);
        expected.put("requires_data_migration", JsonNodeType.BOOLEAN);
        expected.put("rollback_complexity", JsonNodeType.NUMBER);
        expected.put("recommended_approach", JsonNodeType.STRING);
        expected.put("postgres_version", JsonNodeType.NUMBER);
        expected.put("summary", JsonNodeType.OBJECT);
        expected.put("scripts", JsonNodeType.ARRAY);
        expected.put("lock_estimates", JsonNodeType.ARRAY);
        expected.put("findings", JsonNodeType.ARRAY);
        assertThat(types(root)).containsExactlyEntriesOf(expected);

        assertThat(root.get("performance_impact").asText()).isIn("low", "medium", "high");
        assertThat(root.get("rollback_complexity").isInt()).isTrue();
        assertThat(root.get("rollback_complexity").asInt()).isBetween(1, 5);
        assertThat(fieldNames(root.get("summary"))).containsExactly("errors", "warnings", "infos", "suppressed");
        assertThat(root.get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(root.get("summary").get("warnings").asInt()).isZero();
        assertThat(root.get("summary").get("suppressed").asInt()).isEqualTo(1);
    }

    @Test
    void lockEstimatesSayTheSecondsOrThatTheWaitIsUnbounded() throws Exception {
        JsonNode estimates = parse(SampleAnalysis.unsafe()).get("lock_estimates");
        assertThat(estimates).hasSize(2);
        assertThat(estimates.get(0).get("lock_seconds").asDouble()).isEqualTo(42.5);
        assertThat(estimates.get(0).get("unbounded_wait").asBoolean()).isFalse();
        assertThat(estimates.get(1).has("lock_seconds")).isFalse();
        assertThat(estimates.get(1).get("unbounded_wait").asBoolean()).isTrue();
        assertThat(estimates.get(1).get("reason").asText()).startsWith("unbounded wait");
    }

    @Test
    void scriptsAndFindingsHaveTheirFields() throws Exception {
        JsonNode root = parse(SampleAnalysis.unsafe());

        assertThat(fieldNames(root.get("scripts").get(0)))
                .containsExactly("path", "version", "description", "transactional", "reviewed", "statements");
        assertThat(root.get("scripts").get(3).get("version").isNull()).isTrue();

        JsonNode index = root.get("findings").get(0);
        assertThat(fieldNames(index)).containsExactly("rule", "category", "severity", "script", "line", "column",
                "statement", "message", "fix", "lock_seconds", "evidence", "suppressed");
        assertThat(index.get("category").asText()).isEqualTo("blocking-lock");
        assertThat(index.get("severity").asText()).isEqualTo("error");
        assertThat(index.get("evidence").asText()).isEqualTo("inferred");
        assertThat(index.get("lock_seconds").asDouble()).isEqualTo(42.5);
    }

    @Test
    void omitsNullLockSecondsAndAddsTheSuppressionReason() throws Exception {
        JsonNode backfill = parse(SampleAnalysis.unsafe()).get("findings").get(1);

        assertThat(backfill.has("lock_seconds")).isFalse();
        assertThat(backfill.get("suppressed").asBoolean()).isTrue();
        assertThat(backfill.get("suppression_reason").asText())
                .isEqualTo("orders_archive | has 200 rows, checked by the DBA");
        assertThat(backfill.get("statement").asText()).contains("'it''s \"done\" | ok'");
    }

    private static JsonNode parse(Analysis analysis) throws Exception {
        String text = Reports.render(analysis, ReportFormat.JSON);
        assertThat(text).endsWith("}\n");
        return new ObjectMapper().readTree(text);
    }

    private static Map<String, JsonNodeType> types(JsonNode node) {
        Map<String, JsonNodeType> types = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().getNodeType()));
        return types;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
