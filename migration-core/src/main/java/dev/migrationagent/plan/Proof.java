package dev.migrationagent.plan;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Severity;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.Tracer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans a script on a shadow database and proves the plan there, step by step:
 * <ol>
 *   <li>each step runs under the tracer, and the analysis of the traced steps (the same rules as for hand-written
 *       migrations) must find no blocking lock on a table that is not small and no rewrite, and no step may fail;
 *   <li>each reversible step's rollback runs right after it, and the schema must then equal the schema before the
 *       step, line for line ({@link Snapshot});
 *   <li>the step then runs again, which must work: a deploy that is rolled back can be retried.
 * </ol>
 * A plan is verified only when all of this holds and every statement of the script has a safe equivalent.
 */
public final class Proof {
    /** Categories that make a step unsafe to ship: the plan exists to remove exactly these. */
    private static final Set<Category> FORBIDDEN = Set.of(Category.BLOCKING_LOCK, Category.TABLE_REWRITE,
            Category.MIGRATION_ERROR, Category.TRANSACTION_HAZARD);

    /**
     * What the analysis needs beside the plan.
     *
     * @param before the scripts that ran before the planned one, for the analysis's schema model
     * @param stats table sizes of the target
     * @param smallTableRows tables below this many rows are small
     * @param rules rule settings of the build
     * @param historyTable Flyway's history table, left out of schema comparisons
     */
    public record Context(List<MigrationScript> before, TableStats stats, long smallTableRows, List<RuleSetting> rules,
            String historyTable) {
        public Context {
            before = List.copyOf(before);
            Objects.requireNonNull(stats, "stats");
            rules = List.copyOf(rules);
            Objects.requireNonNull(historyTable, "historyTable");
        }
    }

    /**
     * The plan and what proving it found.
     *
     * @param plan the plan
     * @param files the base file names of the steps (such as {@code V5_1__add_column_x}), in step order
     * @param verified true when every check passed and nothing was left unplanned
     * @param problems why not, one line each; empty when verified
     * @param traces the first traced run of each step, in step order
     * @param analysis the analysis of the traced steps, or {@code null} when no step ran
     * @param stepFailed a step failed on the shadow, which now holds a half-applied plan
     */
    public record Outcome(ScriptPlan plan, List<String> files, boolean verified, List<String> problems,
            List<ScriptTrace> traces, Analysis analysis, boolean stepFailed) {
        public Outcome {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
            traces = List.copyOf(traces);
        }
    }

    private Proof() {}

    /**
     * Plans {@code script} on the shadow {@code c} (which holds the schema before it) and proves the plan. The
     * shadow is left holding the schema after the plan, so the next script can be planned on it.
     *
     * @throws SQLException when the shadow itself fails (not when a step fails: that is a problem of the plan)
     */
    public static Outcome run(Connection c, Tracer.Sessions sessions, MigrationScript script, Planner.Settings settings,
            Context context) throws SQLException {
        Tracer tracer = new Tracer();
        List<String> problems = new ArrayList<>();
        Map<String, ScriptTrace> traces = new LinkedHashMap<>();
        List<MigrationScript> stepScripts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String base = StepFiles.versionPrefix(script);
        Planner.Applier applier = step -> {
            String file = StepFiles.name(base, files.size() + 1, step);
            Snapshot before = Snapshot.read(c, context.historyTable());
            List<String> forward = StepScript.forward(step);
            ScriptTrace trace = tracer.trace(c, forward, step.kind().transactional(), sessions);
            files.add(file);
            traces.put(file + ".sql", trace);
            stepScripts.add(new MigrationScript(null, file + ".sql", null, file, StepScript.text(List.of(),
                    forward), step.kind().transactional()));
            fail(step, "fails on the shadow", trace);
            if (step.irreversible() != null) {
                return;
            }
            List<String> back = StepScript.rollback(step);
            if (!back.isEmpty()) {
                fail(step, "rollback fails on the shadow", tracer.trace(c, back, step.rollbackTransactional(),
                        sessions));
            }
            List<String> diff = before.diff(Snapshot.read(c, context.historyTable()));
            if (!diff.isEmpty()) {
                throw new Planner.StepFailedException(step, "the rollback of \"" + step.description()
                        + "\" does not restore the schema: " + String.join("; ", diff.subList(0,
                        Math.min(3, diff.size()))) + (diff.size() > 3 ? " (" + diff.size() + " differences)" : ""),
                        null);
            }
            fail(step, "fails when applied again after its rollback", tracer.trace(c, forward,
                    step.kind().transactional(), sessions));
        };
        List<ParsedStatement> statements = PostgresParser.parse(script.sql()).statements();
        ScriptPlan plan;
        try {
            plan = new Planner(c, settings).plan(script.path(), statements, applier);
        } catch (Planner.StepFailedException e) {
            problems.add(e.getMessage());
            return new Outcome(new ScriptPlan(script.path(), List.of(), List.of()), List.of(), false, problems,
                    List.of(), null, true);
        }
        for (ScriptPlan.Unplanned u : plan.unplanned()) {
            problems.add("line " + u.line() + ": no safe equivalent: " + u.reason());
        }
        Analysis analysis = analyze(stepScripts, traces, settings, context);
        for (Finding f : analysis == null ? List.<Finding>of() : analysis.findings()) {
            if (f.severity() == Severity.ERROR && FORBIDDEN.contains(f.category()) && !f.suppressed()) {
                problems.add(f.script() + ": " + f.ruleId() + " (" + f.category().id() + "): " + f.message());
            }
        }
        return new Outcome(plan, files, problems.isEmpty(), problems, List.copyOf(traces.values()), analysis,
                false);
    }

    private static void fail(Step step, String what, ScriptTrace trace) {
        StatementTrace failed = trace.failure();
        if (failed != null) {
            throw new Planner.StepFailedException(step, "step \"" + step.description() + "\" " + what + ": "
                    + failed.error().sqlState() + " " + oneLine(failed.error().message()), null);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Analysis analyze(List<MigrationScript> steps, Map<String, ScriptTrace> traces,
            Planner.Settings settings, Context context) {
        if (steps.isEmpty()) {
            return null;
        }
        List<MigrationScript> all = new ArrayList<>(context.before());
        all.addAll(steps);
        return Analyzer.analyze(all, steps, new Analyzer.Settings(settings.postgresVersion(), context.stats(),
                context.smallTableRows(), context.rules(), traces), Listener.silent());
    }
}
