package dev.migrationagent.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.LockEstimate;
import dev.migrationagent.api.ScriptInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The machine-readable report: the seed article's verdict fields plus scripts and findings. It streams through
 * jackson-core rather than building a tree, because reports of large scripts hold many findings and the CLI's
 * start-up time is part of its budget.
 */
final class JsonReport {
    private JsonReport() {}

    static String render(Analysis analysis) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonText.generator(out)) {
            write(analysis, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void write(Analysis analysis, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("safe_to_deploy", analysis.safeToDeploy());
        g.writeBooleanField("breaking_changes", analysis.breakingChanges());
        g.writeStringField("performance_impact", analysis.performanceImpact().id());
        g.writeNumberField("lock_duration_estimate_seconds", analysis.lockDurationEstimateSeconds());
        g.writeBooleanField("requires_data_migration", analysis.requiresDataMigration());
        g.writeNumberField("rollback_complexity", analysis.rollbackComplexity());
        g.writeStringField("recommended_approach", analysis.recommendedApproach());
        g.writeNumberField("postgres_version", analysis.postgresVersion());
        Counts counts = Counts.of(analysis);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("errors", counts.errors());
        g.writeNumberField("warnings", counts.warnings());
        g.writeNumberField("infos", counts.infos());
        g.writeNumberField("suppressed", counts.suppressed());
        g.writeEndObject();
        g.writeArrayFieldStart("scripts");
        for (ScriptInfo s : analysis.scripts()) {
            script(g, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lock_estimates");
        for (LockEstimate e : analysis.lockEstimates()) {
            g.writeStartObject();
            g.writeStringField("script", e.script());
            g.writeNumberField("line", e.line());
            g.writeNumberField("column", e.column());
            if (e.seconds() != null) {
                g.writeNumberField("lock_seconds", e.seconds());
            }
            g.writeBooleanField("unbounded_wait", e.unboundedWait());
            g.writeStringField("reason", e.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : analysis.findings()) {
            finding(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void script(JsonGenerator g, ScriptInfo s) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", s.path());
        g.writeStringField("version", s.version());
        g.writeStringField("description", s.description());
        g.writeBooleanField("transactional", s.transactional());
        g.writeBooleanField("reviewed", s.reviewed());
        g.writeNumberField("statements", s.statements());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("category", f.category().id());
        g.writeStringField("severity", lower(f.severity().name()));
        g.writeStringField("script", f.script());
        g.writeNumberField("line", f.line());
        g.writeNumberField("column", f.column());
        g.writeStringField("statement", f.statement());
        g.writeStringField("message", f.message());
        g.writeStringField("fix", f.fix());
        if (f.lockSeconds() != null) {
            g.writeNumberField("lock_seconds", f.lockSeconds());
        }
        g.writeStringField("evidence", lower(f.evidence().name()));
        g.writeBooleanField("suppressed", f.suppressed());
        if (f.suppressed()) {
            g.writeStringField("suppression_reason", f.suppression());
        }
        g.writeEndObject();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
