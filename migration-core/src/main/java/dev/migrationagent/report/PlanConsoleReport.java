package dev.migrationagent.report;

import dev.migrationagent.api.PlanResult;
import java.util.ArrayList;
import java.util.List;

/** Plain console lines for a plan run: one verdict per planned script, its problems, then the next steps. */
final class PlanConsoleReport {
    private static final String INDENT = " ".repeat(8);

    private PlanConsoleReport() {}

    static List<String> lines(PlanResult result) {
        List<String> lines = new ArrayList<>();
        long verified = 0;
        for (PlanResult.Script s : result.scripts()) {
            verified += s.verified() ? 1 : 0;
            lines.add("Plan for " + s.script() + ": " + (s.verified() ? "verified" : "NOT VERIFIED") + ", "
                    + count(s.steps(), "step") + " in " + count(s.releases(), "release") + ", rollback complexity "
                    + s.rollbackComplexity());
            s.problems().forEach(p -> lines.add(INDENT + "problem: " + p));
        }
        if (!result.scripts().isEmpty()) {
            // where: the first next step names plan.md, relative to the project
            lines.add("Migration Agent plan: " + verified + " of " + count(result.scripts().size(), "plan")
                    + " verified");
        }
        lines.add("Next steps:");
        result.nextSteps().forEach(step -> lines.add("  - " + step));
        return lines;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
