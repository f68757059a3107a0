package dev.migrationagent.plan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.migrationagent.api.LockEstimate;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.trace.LockHeld;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes proven plans as Flyway scripts, one folder per release ({@code release-1/}, {@code release-2/}, ...), each
 * forward script {@code V<version>_<n>__<what>.sql} next to its undo script {@code U<version>_<n>__<what>.sql} and,
 * for scripts that must run outside a transaction, a {@code .sql.conf} with {@code executeInTransaction=false};
 * plus {@code plan.md} (the summary for reviewers) and {@code plan.json}.
 */
public final class PlanWriter {
    /** The order of lock modes from weakest to strongest, to show the strongest lock a step takes per relation. */
    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private PlanWriter() {}

    /**
     * Writes the plans into {@code directory}, replacing the release folders and summaries an earlier run wrote
     * there; other files in it are left alone.
     *
     * @return one entry per plan, in order
     */
    public static List<PlanResult.Script> write(Path directory, List<Proof.Outcome> outcomes, int postgresVersion)
            throws IOException {
        Files.createDirectories(directory);
        clean(directory);
        List<PlanResult.Script> scripts = new ArrayList<>();
        for (Proof.Outcome o : outcomes) {
            List<String> files = new ArrayList<>();
            List<Step> steps = o.plan().steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String name = o.files().get(i);
                Path folder = directory.resolve("release-" + step.release());
                Files.createDirectories(folder);
                writeScript(folder, name, header(o, i), StepScript.forward(step), !step.kind().transactional());
                writeScript(folder, StepFiles.undo(name), undoHeader(o, i), undo(step),
                        !step.rollbackTransactional());
                files.add(folder.getFileName() + "/" + name + ".sql");
                files.add(folder.getFileName() + "/" + StepFiles.undo(name) + ".sql");
            }
            scripts.add(new PlanResult.Script(o.plan().script(), o.verified(), steps.size(), o.plan().releases(),
                    o.plan().rollbackComplexity(), o.problems(), files));
        }
        Files.writeString(directory.resolve("plan.md"), markdown(outcomes, postgresVersion), StandardCharsets.UTF_8);
        json(directory.resolve("plan.json"), outcomes, postgresVersion);
        return scripts;
    }

    /** What to do with the written plans, one line each, with paths relative to {@code baseDir}. */
    public static List<String> nextSteps(Path baseDir, Path directory, List<PlanResult.Script> scripts) {
        Path shown = directory.startsWith(baseDir) ? baseDir.relativize(directory) : directory;
        List<String> out = new ArrayList<>();
        if (scripts.isEmpty()) {
            out.add("Every reviewed migration is safe as written: nothing to plan.");
            return out;
        }
        out.add("Review " + shown.resolve("plan.md") + " (it reads well as a pull-request comment).");
        for (PlanResult.Script s : scripts) {
            if (!s.verified()) {
                out.add(s.script() + ": the plan is NOT verified (" + s.problems().get(0) + "); fix the migration "
                        + "or the data it needs, then plan again.");
                continue;
            }
            out.add(s.script() + ": replace it by the scripts in " + shown.resolve("release-1") + " (undo scripts "
                    + "included; never edit a migration that is already applied).");
            if (s.releases() > 1) {
                out.add(s.script() + ": ship " + (s.releases() == 2 ? shown.resolve("release-2")
                        : "release-2 to release-" + s.releases() + " in " + shown) + " in later releases, once no "
                        + "running code needs what they remove; give them versions after your newest migration then.");
            }
        }
        return out;
    }

    private static void clean(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && n.matches("release-\\d+")) {
                    try (Stream<Path> files = Files.walk(p)) {
                        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(f);
                        }
                    }
                } else if (n.equals("plan.md") || n.equals("plan.json")) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void writeScript(Path folder, String name, List<String> header, List<String> statements,
            boolean outsideTransaction) throws IOException {
        Files.writeString(folder.resolve(name + ".sql"), StepScript.text(header, statements), StandardCharsets.UTF_8);
        if (outsideTransaction) {
            Files.writeString(folder.resolve(name + ".sql.conf"), "# CONCURRENTLY, batched commits and ALTER TYPE ... "
                    + "ADD VALUE cannot run inside a transaction block\nexecuteInTransaction=false\n",
                    StandardCharsets.UTF_8);
        }
    }

    private static List<String> header(Proof.Outcome o, int i) {
        Step step = o.plan().steps().get(i);
        List<String> h = new ArrayList<>();
        h.add("Migration Agent plan for " + o.plan().script() + ", step " + (i + 1) + " of " + o.plan().steps().size()
                + ", release " + step.release() + ": " + step.description() + ".");
        h.add(step.why());
        if (!step.kind().transactional()) {
            h.add("Runs outside a transaction (" + o.files().get(i) + ".sql.conf).");
        }
        if (step.irreversible() != null) {
            h.add("IRREVERSIBLE: " + step.irreversible() + ".");
        }
        h.add("Undo: " + StepFiles.undo(o.files().get(i)) + ".sql.");
        return h;
    }

    private static List<String> undoHeader(Proof.Outcome o, int i) {
        Step step = o.plan().steps().get(i);
        List<String> h = new ArrayList<>();
        h.add("Undoes " + o.files().get(i) + ".sql (" + step.description() + "), restoring the schema it found.");
        if (step.irreversible() != null) {
            h.add("IRREVERSIBLE: " + step.irreversible() + ". This script stops with an error instead of pretending.");
        } else if (step.rollback().isEmpty()) {
            h.add("Nothing to undo: the step changes no schema (its rows stay as they are).");
        }
        return h;
    }

    private static List<String> undo(Step step) {
        if (step.irreversible() != null) {
            String message = ("irreversible: " + step.irreversible()).replace("'", "''").replace("%", "%%");
            return List.of("DO $undo$\nBEGIN\n    RAISE EXCEPTION '" + message + "';\nEND\n$undo$");
        }
        return StepScript.rollback(step);
    }

    /** The strongest lock per relation each statement of the trace took, as {@code Mode on relation}. */
    static List<String> locks(ScriptTrace trace) {
        Map<String, String> strongest = new LinkedHashMap<>();
        for (StatementTrace st : trace.statements()) {
            for (LockHeld l : st.acquired()) {
                String relation = l.relation().name();
                strongest.merge(relation, l.mode(), (a, b) -> MODES.indexOf(a) >= MODES.indexOf(b) ? a : b);
            }
        }
        List<String> out = new ArrayList<>();
        strongest.forEach((relation, mode) -> out.add(mode + " on " + relation));
        return out;
    }

    /** The estimate of how long the step blocks traffic, in words. */
    static String duration(Proof.Outcome o, int i) {
        if (o.analysis() == null) {
            return "";
        }
        String file = o.files().get(i) + ".sql";
        double seconds = 0;
        boolean unbounded = false;
        for (LockEstimate e : o.analysis().lockEstimates()) {
            if (e.script().equals(file)) {
                seconds += e.seconds() == null ? 0 : e.seconds();
                unbounded |= e.unboundedWait();
            }
        }
        Step step = o.plan().steps().get(i);
        if (unbounded) {
            return "waits for older transactions, blocks no one";
        }
        if (seconds > 0) {
            return String.format(Locale.ROOT, "blocks for ~%.1f s", seconds);
        }
        return step.kind() == StepKind.CATALOG || step.kind() == StepKind.AUTOCOMMIT ? "catalog only"
                : "no blocking lock";
    }

    private static String markdown(List<Proof.Outcome> outcomes, int pg) {
        StringBuilder b = new StringBuilder("# Migration plan\n\n");
        b.append("Safe multi-step versions of the migrations Migration Agent judged unsafe, for PostgreSQL ")
                .append(pg).append(". Every step ran on a shadow database under the tracer; its rollback ran right "
                + "after it and had to restore the schema exactly; then the step ran again.\n");
        for (Proof.Outcome o : outcomes) {
            b.append("\n## ").append(o.plan().script()).append(": ")
                    .append(o.verified() ? "verified" : "NOT verified, do not ship it as it is").append("\n\n");
            for (String p : o.problems()) {
                b.append("- ").append(p).append('\n');
            }
            if (!o.problems().isEmpty()) {
                b.append('\n');
            }
            List<Step> steps = o.plan().steps();
            if (steps.isEmpty()) {
                continue;
            }
            b.append("| # | Script | Release | Transaction | lock_timeout / statement_timeout | Locks taken (traced) "
                    + "| Blocking | Undo |\n|---|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                List<String> locks = i < o.traces().size() ? locks(o.traces().get(i)) : List.of();
                b.append("| ").append(i + 1).append(" | `release-").append(s.release()).append('/')
                        .append(o.files().get(i)).append(".sql` | ").append(s.release()).append(" | ")
                        .append(s.kind().transactional() ? "yes" : "no").append(" | ").append(s.kind().lockTimeout())
                        .append(" / ").append(s.kind().statementTimeout()).append(" | ")
                        .append(locks.isEmpty() ? "none" : String.join(", ", locks)).append(" | ")
                        .append(duration(o, i)).append(" | ")
                        .append(s.irreversible() != null ? "**irreversible**" : s.rollback().isEmpty() ? "nothing to undo"
                                : "`" + StepFiles.undo(o.files().get(i)) + ".sql`").append(" |\n");
            }
            b.append("\nRollback complexity: ").append(o.plan().rollbackComplexity())
                    .append(" of 5 (docs/rollback-complexity.md).\n");
            for (int r = 1; r <= o.plan().releases(); r++) {
                int release = r;
                List<String> names = new ArrayList<>();
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).release() == release) {
                        names.add(o.files().get(i));
                    }
                }
                if (names.isEmpty()) {
                    continue;
                }
                b.append("\n**Release ").append(r).append(r == 1 ? "** (ships with the code change): "
                        : "** (a later release, once no running code needs what it removes): ")
                        .append(names.size()).append(" script(s) in `release-").append(r).append("/`.\n");
            }
            for (Step s : steps) {
                if (s.irreversible() != null) {
                    b.append("\n> **Irreversible:** ").append(s.description()).append(": ").append(s.irreversible())
                            .append(".\n");
                }
            }
        }
        return b.toString();
    }

    private static void json(Path file, List<Proof.Outcome> outcomes, int pg) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("postgres_version", pg);
            g.writeArrayFieldStart("plans");
            for (Proof.Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("script", o.plan().script());
                g.writeBooleanField("verified", o.verified());
                g.writeArrayFieldStart("problems");
                for (String p : o.problems()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeNumberField("rollback_complexity", o.plan().rollbackComplexity());
                g.writeNumberField("releases", o.plan().releases());
                g.writeArrayFieldStart("steps");
                List<Step> steps = o.plan().steps();
                for (int i = 0; i < steps.size(); i++) {
                    Step s = steps.get(i);
                    g.writeStartObject();
                    g.writeStringField("file", "release-" + s.release() + "/" + o.files().get(i) + ".sql");
                    g.writeStringField("undo", "release-" + s.release() + "/" + StepFiles.undo(o.files().get(i))
                            + ".sql");
                    g.writeStringField("description", s.description());
                    g.writeNumberField("release", s.release());
                    g.writeStringField("kind", s.kind().name().toLowerCase(Locale.ROOT));
                    g.writeBooleanField("transactional", s.kind().transactional());
                    g.writeStringField("lock_timeout", s.kind().lockTimeout());
                    g.writeStringField("statement_timeout", s.kind().statementTimeout());
                    g.writeArrayFieldStart("locks");
                    for (String l : i < o.traces().size() ? locks(o.traces().get(i)) : List.<String>of()) {
                        g.writeString(l);
                    }
                    g.writeEndArray();
                    g.writeStringField("blocking", duration(o, i));
                    if (s.irreversible() != null) {
                        g.writeStringField("irreversible", s.irreversible());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
