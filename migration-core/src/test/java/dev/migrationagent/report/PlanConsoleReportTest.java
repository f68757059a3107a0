package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.PlanResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanConsoleReportTest {
    private static final Path DIR = Path.of("target/migration-agent/plan");

    @Test
    void givesEachPlanItsVerdictAndProblemsThenTheNextSteps() {
        PlanResult result = new PlanResult(DIR, DIR.resolve("plan.md"), SampleAnalysis.unsafe(), List.of(
                new PlanResult.Script("db/V2__café.sql", true, 4, 2, 2, List.of(), List.of("release-1/V2_1__x.sql")),
                new PlanResult.Script("db/V3__rename.sql", false, 1, 1, 3,
                        List.of("step 1 holds ACCESS EXCLUSIVE on orders", "rollback leaves a different schema"),
                        List.of())),
                List.of("Review target/migration-agent/plan/plan.md."));

        assertThat(Reports.planSummary(result)).containsExactly(
                "Plan for db/V2__café.sql: verified, 4 steps in 2 releases, rollback complexity 2",
                "Plan for db/V3__rename.sql: NOT VERIFIED, 1 step in 1 release, rollback complexity 3",
                "        problem: step 1 holds ACCESS EXCLUSIVE on orders",
                "        problem: rollback leaves a different schema",
                "Migration Agent plan: 1 of 2 plans verified",
                "Next steps:",
                "  - Review target/migration-agent/plan/plan.md.");
    }

    @Test
    void withNothingToPlanGivesOnlyTheNextSteps() {
        PlanResult result = new PlanResult(DIR, DIR.resolve("plan.md"), SampleAnalysis.safe(), List.of(),
                List.of("Every reviewed migration is safe as written: nothing to plan."));
        assertThat(Reports.planSummary(result)).containsExactly("Next steps:",
                "  - Every reviewed migration is safe as written: nothing to plan.");
    }
}
