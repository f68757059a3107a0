package dev.migrationagent.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.DeployResult.Attempt;
import dev.migrationagent.api.DeployResult.GuardedStatement;
import dev.migrationagent.api.DeployResult.HistoryRow;
import dev.migrationagent.api.DeployResult.Incident;
import dev.migrationagent.api.DeployResult.Session;
import dev.migrationagent.api.DeployResult.Step;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports of a deploy: console lines, Markdown and JSON. One renderer serves the dry run, the deploy report and the
 * incident files, so the incident shows the same plan and guards as the dry run did.
 */
public final class DeployReports {
    private DeployReports() {}

    /**
     * Writes {@code deploy.md} and {@code deploy.json} to {@code dir} (the incident files are written by the deploy
     * itself, so that they exist even when the caller dies next).
     *
     * @return the files written
     */
    public static List<Path> writeReport(DeployResult result, Path dir) throws IOException {
        return List.of(write(dir.resolve("deploy.md"), markdown(result)), write(dir.resolve("deploy.json"),
                json(result)));
    }

    /** Writes {@code incident.md} and {@code incident.json} to {@code dir}. */
    public static List<Path> writeIncident(DeployResult result, Path dir) throws IOException {
        return List.of(write(dir.resolve("incident.md"), markdown(result)),
                write(dir.resolve("incident.json"), json(result)));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** What a console shows: the verdict, each step with its statements' guards, the outcome, the incident. */
    public static List<String> console(DeployResult r) {
        List<String> lines = new ArrayList<>(ConsoleReport.lines(r.analysis()));
        if (r.overrideReason() != null) {
            lines.add("Override reason: " + r.overrideReason());
        }
        lines.add(guards(r.guards()));
        lines.add((r.outcome() == DeployResult.Outcome.DRY_RUN ? "Would run on " : "Target ") + r.target() + ": "
                + r.steps().size() + " pending migration(s)");
        for (Step s : r.steps()) {
            lines.add("  " + s.script() + " (" + (s.transactional() ? "one transaction" : "no transaction") + "): "
                    + status(s));
            for (GuardedStatement g : s.statements()) {
                lines.add(String.format(Locale.ROOT, "    line %-4d %-10s lock_timeout %6d ms  statement_timeout %7d ms"
                        + "  %s", g.line(), g.kind(), g.lockTimeoutMillis(), g.statementTimeoutMillis(), g.text()));
            }
            for (Attempt a : s.attempts()) {
                if (a.sqlState() != null) {
                    lines.add("    attempt " + a.number() + " failed after " + a.durationMillis() + " ms (SQLState "
                            + a.sqlState() + "): " + a.message());
                }
            }
        }
        if (r.plan() != null) {
            lines.add("The safe way to ship the unsafe migrations:");
            lines.addAll(PlanConsoleReport.lines(r.plan()));
        }
        lines.add("Deploy " + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " in "
                + r.elapsedMillis() + " ms");
        Incident i = r.incident();
        if (i != null) {
            lines.add("Failed: " + location(i) + " [" + i.cause().name().toLowerCase(Locale.ROOT) + "] "
                    + (i.sqlState() == null ? "" : "SQLState " + i.sqlState() + ": ") + i.message());
            for (String step : i.recovery()) {
                lines.add("  recovery: " + step);
            }
        }
        return lines;
    }

    private static String guards(DeployGuards g) {
        return "Guards: budget " + g.budget().toSeconds() + " s; first lock_timeout " + g.lockTimeout().toMillis()
                + " ms, retried with GitLab-style back-off; statement_timeout catalog "
                + g.catalogStatementTimeout().toSeconds() + " s / data " + g.dataStatementTimeout().toSeconds()
                + " s / long " + g.longStatementTimeout().toSeconds() + " s; cancel when blocking others > "
                + g.blockingThreshold().toMillis() + " ms";
    }

    private static String status(Step s) {
        return s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (s.attempts().isEmpty() || s.status() == DeployResult.StepStatus.NOT_RUN ? ""
                        : " after " + s.attempts().size() + " attempt(s)");
    }

    private static String location(Incident i) {
        return i.script() == null ? "(no script)"
                : i.script() + (i.line() == 0 ? "" : ":" + i.line() + ":" + i.column());
    }

    /** The Markdown report; for a failed deploy it is the incident report. */
    public static String markdown(DeployResult r) {
        StringBuilder md = new StringBuilder();
        Incident i = r.incident();
        md.append(i == null ? "# Migration deploy: " : "# Migration incident: ")
                .append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("\n\n");
        md.append("- Target: `").append(r.target()).append("`\n");
        md.append("- Verdict: ").append(r.analysis().safeToDeploy() ? "safe to deploy" : "**not safe to deploy**")
                .append('\n');
        if (r.overrideReason() != null) {
            md.append("- Override reason: ").append(r.overrideReason()).append('\n');
        }
        md.append("- ").append(guards(r.guards())).append('\n');
        md.append("- Elapsed: ").append(r.elapsedMillis()).append(" ms\n\n");
        if (r.plan() != null) {
            md.append("## The safe plan\n\nThe dry run planned the unsafe migrations (details in `")
                    .append(r.plan().summary()).append("`):\n\n");
            bullets(md, PlanConsoleReport.lines(r.plan()));
        }
        if (i != null) {
            md.append("## What failed\n\n");
            md.append("- Where: `").append(location(i)).append("`\n");
            md.append("- Cause: ").append(i.cause().name().toLowerCase(Locale.ROOT)).append('\n');
            if (i.sqlState() != null) {
                md.append("- SQLState: `").append(i.sqlState()).append("`\n");
            }
            md.append("- Message: ").append(i.message()).append("\n\n");
            if (i.statement() != null) {
                md.append("```sql\n").append(i.statement().strip()).append("\n```\n\n");
            }
            md.append("## State of the target\n\n### Rolled back\n\n");
            bullets(md, i.rolledBack());
            md.append("### Stays applied\n\n");
            bullets(md, i.stillApplied());
            md.append("### History table\n\n| rank | version | script | success |\n|---|---|---|---|\n");
            for (HistoryRow h : i.history()) {
                md.append("| ").append(h.rank()).append(" | ").append(h.version() == null ? "" : h.version())
                        .append(" | ").append(h.script()).append(" | ").append(h.success()).append(" |\n");
            }
            md.append("\n## Sessions\n\n### Blocking the migration\n\n");
            sessions(md, i.blockedBy());
            md.append("### Blocked by the migration\n\n");
            sessions(md, i.blocked());
            md.append("## Recovery\n\n");
            int n = 1;
            for (String step : i.recovery()) {
                md.append(n++).append(". ").append(step).append('\n');
            }
            md.append('\n');
        }
        md.append("## Steps\n\n");
        for (Step s : r.steps()) {
            md.append("### ").append(s.script()).append(" (").append(s.transactional() ? "one transaction"
                    : "no transaction").append("): ").append(status(s)).append("\n\n");
            md.append("| line | kind | lock_timeout | statement_timeout | statement |\n|---|---|---|---|---|\n");
            for (GuardedStatement g : s.statements()) {
                md.append("| ").append(g.line()).append(" | ").append(g.kind()).append(" | ")
                        .append(g.lockTimeoutMillis()).append(" ms | ").append(g.statementTimeoutMillis())
                        .append(" ms | `").append(g.text().replace("|", "\\|").replace("`", "'")).append("` |\n");
            }
            if (!s.attempts().isEmpty()) {
                md.append("\n| attempt | lock_timeout | duration | SQLState | message | pause |\n")
                        .append("|---|---|---|---|---|---|\n");
                for (Attempt a : s.attempts()) {
                    md.append("| ").append(a.number()).append(" | ").append(a.lockTimeoutMillis()).append(" ms | ")
                            .append(a.durationMillis()).append(" ms | ")
                            .append(a.sqlState() == null ? "" : a.sqlState())
                            .append(" | ").append(a.message() == null ? "ok" : a.message().replace("|", "\\|"))
                            .append(" | ").append(a.sleepMillis()).append(" ms |\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void bullets(StringBuilder md, List<String> items) {
        if (items.isEmpty()) {
            md.append("- (none)\n");
        }
        for (String item : items) {
            md.append("- ").append(item).append('\n');
        }
        md.append('\n');
    }

    private static void sessions(StringBuilder md, List<Session> list) {
        if (list.isEmpty()) {
            md.append("- (none seen)\n\n");
            return;
        }
        md.append("| pid | application | state | waited | query |\n|---|---|---|---|---|\n");
        for (Session s : list) {
            md.append("| ").append(s.pid()).append(" | ").append(s.application()).append(" | ").append(s.state())
                    .append(" | ").append(s.waitedMillis()).append(" ms | `")
                    .append(s.query().replace("|", "\\|").replace("`", "'")).append("` |\n");
        }
        md.append('\n');
    }

    /** The JSON report. */
    public static String json(DeployResult r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonText.generator(out)) {
            g.writeStartObject();
            g.writeStringField("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            g.writeStringField("target", r.target());
            g.writeBooleanField("safe_to_deploy", r.analysis().safeToDeploy());
            g.writeStringField("override_reason", r.overrideReason());
            g.writeNumberField("elapsed_ms", r.elapsedMillis());
            DeployGuards gd = r.guards();
            g.writeObjectFieldStart("guards");
            g.writeNumberField("budget_ms", gd.budget().toMillis());
            g.writeNumberField("lock_timeout_ms", gd.lockTimeout().toMillis());
            g.writeNumberField("catalog_statement_timeout_ms", gd.catalogStatementTimeout().toMillis());
            g.writeNumberField("data_statement_timeout_ms", gd.dataStatementTimeout().toMillis());
            g.writeNumberField("long_statement_timeout_ms", gd.longStatementTimeout().toMillis());
            g.writeNumberField("blocking_threshold_ms", gd.blockingThreshold().toMillis());
            g.writeEndObject();
            g.writeArrayFieldStart("steps");
            for (Step s : r.steps()) {
                step(g, s);
            }
            g.writeEndArray();
            if (r.incident() != null) {
                incident(g, r.incident());
            }
            if (r.plan() != null) {
                g.writeObjectFieldStart("plan");
                g.writeStringField("summary", r.plan().summary().toString());
                g.writeBooleanField("verified", r.plan().verified());
                g.writeArrayFieldStart("scripts");
                for (dev.migrationagent.api.PlanResult.Script p : r.plan().scripts()) {
                    g.writeStartObject();
                    g.writeStringField("script", p.script());
                    g.writeBooleanField("verified", p.verified());
                    g.writeNumberField("steps", p.steps());
                    g.writeStringField("reason", p.problems().isEmpty() ? "" : p.problems().get(0));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void step(JsonGenerator g, Step s) throws IOException {
        g.writeStartObject();
        g.writeStringField("script", s.script());
        g.writeStringField("version", s.version());
        g.writeBooleanField("transactional", s.transactional());
        g.writeStringField("status", s.status().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("statements");
        for (GuardedStatement st : s.statements()) {
            g.writeStartObject();
            g.writeNumberField("line", st.line());
            g.writeNumberField("column", st.column());
            g.writeStringField("kind", st.kind());
            g.writeStringField("text", st.text());
            g.writeNumberField("lock_timeout_ms", st.lockTimeoutMillis());
            g.writeNumberField("statement_timeout_ms", st.statementTimeoutMillis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("attempts");
        for (Attempt a : s.attempts()) {
            g.writeStartObject();
            g.writeNumberField("number", a.number());
            g.writeNumberField("lock_timeout_ms", a.lockTimeoutMillis());
            g.writeNumberField("duration_ms", a.durationMillis());
            g.writeStringField("sql_state", a.sqlState());
            g.writeStringField("message", a.message());
            g.writeNumberField("sleep_ms", a.sleepMillis());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void incident(JsonGenerator g, Incident i) throws IOException {
        g.writeObjectFieldStart("incident");
        g.writeStringField("cause", i.cause().name().toLowerCase(Locale.ROOT));
        g.writeStringField("script", i.script());
        g.writeNumberField("line", i.line());
        g.writeNumberField("column", i.column());
        g.writeStringField("statement", i.statement());
        g.writeStringField("sql_state", i.sqlState());
        g.writeStringField("message", i.message());
        strings(g, "rolled_back", i.rolledBack());
        strings(g, "still_applied", i.stillApplied());
        g.writeArrayFieldStart("history");
        for (HistoryRow h : i.history()) {
            g.writeStartObject();
            g.writeNumberField("installed_rank", h.rank());
            g.writeStringField("version", h.version());
            g.writeStringField("script", h.script());
            g.writeBooleanField("success", h.success());
            g.writeEndObject();
        }
        g.writeEndArray();
        sessions(g, "blocked_by", i.blockedBy());
        sessions(g, "blocked", i.blocked());
        strings(g, "cleaned_up", i.cleanedUp());
        strings(g, "recovery", i.recovery());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void sessions(JsonGenerator g, String field, List<Session> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (Session s : list) {
            g.writeStartObject();
            g.writeNumberField("pid", s.pid());
            g.writeStringField("application", s.application());
            g.writeStringField("state", s.state());
            g.writeNumberField("waited_ms", s.waitedMillis());
            g.writeStringField("query", s.query());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
