package dev.migrationagent.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.ScriptInfo;
import java.util.Locale;

/** The machine-readable report: the seed article's verdict fields plus scripts and findings. */
final class JsonReport {
    private JsonReport() {}

    static String render(Analysis analysis) {
        ObjectNode root = JsonText.object();
        root.put("safe_to_deploy", analysis.safeToDeploy());
        root.put("breaking_changes", analysis.breakingChanges());
        root.put("performance_impact", analysis.performanceImpact().id());
        root.put("lock_duration_estimate_seconds", analysis.lockDurationEstimateSeconds());
        root.put("requires_data_migration", analysis.requiresDataMigration());
        root.put("rollback_complexity", analysis.rollbackComplexity());
        root.put("recommended_approach", analysis.recommendedApproach());
        root.put("postgres_version", analysis.postgresVersion());
        Counts counts = Counts.of(analysis);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", counts.errors());
        summary.put("warnings", counts.warnings());
        summary.put("infos", counts.infos());
        summary.put("suppressed", counts.suppressed());
        ArrayNode scripts = root.putArray("scripts");
        analysis.scripts().forEach(s -> script(scripts.addObject(), s));
        ArrayNode findings = root.putArray("findings");
        analysis.findings().forEach(f -> finding(findings.addObject(), f));
        return JsonText.print(root);
    }

    private static void script(ObjectNode node, ScriptInfo s) {
        node.put("path", s.path());
        node.put("version", s.version());
        node.put("description", s.description());
        node.put("transactional", s.transactional());
        node.put("reviewed", s.reviewed());
        node.put("statements", s.statements());
    }

    private static void finding(ObjectNode node, Finding f) {
        node.put("rule", f.ruleId());
        node.put("category", f.category().id());
        node.put("severity", lower(f.severity().name()));
        node.put("script", f.script());
        node.put("line", f.line());
        node.put("column", f.column());
        node.put("statement", f.statement());
        node.put("message", f.message());
        node.put("fix", f.fix());
        if (f.lockSeconds() != null) {
            node.put("lock_seconds", f.lockSeconds());
        }
        node.put("evidence", lower(f.evidence().name()));
        node.put("suppressed", f.suppressed());
        if (f.suppressed()) {
            node.put("suppression_reason", f.suppression());
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
