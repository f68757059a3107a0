package dev.migrationagent.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What planning produced.
 *
 * @param directory where the scripts and the summary were written
 * @param summary the Markdown summary's path
 * @param analysis the analysis of the migrations as written, which chose the scripts to plan
 * @param scripts one entry per planned script, in order; empty when every script is safe as written
 * @param nextSteps what to do with the plan, one line each
 */
public record PlanResult(Path directory, Path summary, Analysis analysis, List<Script> scripts,
        List<String> nextSteps) {
    /**
     * The plan of one script.
     *
     * @param script the planned script's path
     * @param verified whether the plan passed every check on the shadow
     * @param steps how many steps the plan has
     * @param releases how many releases it spans
     * @param rollbackComplexity 1-5, see docs/rollback-complexity.md
     * @param problems why it is not verified, one line each
     * @param files the written scripts, forward and undo, relative to {@code directory}
     */
    public record Script(String script, boolean verified, int steps, int releases, int rollbackComplexity,
            List<String> problems, List<String> files) {
        public Script {
            Objects.requireNonNull(script, "script");
            problems = List.copyOf(problems);
            files = List.copyOf(files);
        }
    }

    public PlanResult {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(analysis, "analysis");
        scripts = List.copyOf(scripts);
        nextSteps = List.copyOf(nextSteps);
    }

    /** True when every planned script's plan is verified. */
    public boolean verified() {
        return scripts.stream().allMatch(Script::verified);
    }
}
