package dev.migrationagent.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.PlanRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class PlanConfigurationTest {
    private static final Path BASE = Path.of("/work/orders-service").toAbsolutePath();
    private static final Path OUT = BASE.resolve("target/migration-agent/plan");
    private static final AnalysisRequest ANALYSIS = AnalysisRequest.builder(BASE).build();

    private static PlanConfiguration plan(int batchSize, String batchPause, List<String> backfill) {
        return new PlanConfiguration(OUT, batchSize, batchPause, backfill, false);
    }

    /** The message Maven would print for a bad plan parameter. */
    private static String mavenMessage(InvalidConfigurationException e) {
        return MojoErrors.map(e, List.of(), PlanConfiguration.PROPERTIES).getMessage();
    }

    @Test
    void mapsEveryParameterIntoThePlanRequest() {
        PlanRequest request = plan(500, "2s", List.of("orders.region='unknown'", "shop.orders.token=gen_random_uuid()"))
                .toRequest(ANALYSIS);

        assertThat(request.analysis()).isSameAs(ANALYSIS);
        assertThat(request.outputDirectory()).isEqualTo(OUT);
        assertThat(request.batchSize()).isEqualTo(500);
        assertThat(request.batchPause()).isEqualTo(Duration.ofSeconds(2));
        assertThat(request.backfill()).containsOnly(Map.entry("orders.region", "'unknown'"),
                Map.entry("shop.orders.token", "gen_random_uuid()"));
        assertThat(request.backup()).isFalse();
    }

    @Test
    void noBackfillIsAnEmptyMap() {
        assertThat(plan(1000, "100ms", null).toRequest(ANALYSIS).backfill()).isEmpty();
    }

    @Test
    void commasInsideTheSqlSurviveMavensSplitOfTheProperty() {
        // -Dmigration.plan.backfill=orders.region=coalesce(legacy_region, 'eu'),orders.note='a,b'
        assertThat(PlanConfiguration.backfill(List.of("orders.region=coalesce(legacy_region", " 'eu')",
                "orders.note='a", "b'"))).containsExactly(
                        Map.entry("orders.region", "coalesce(legacy_region, 'eu')"),
                        Map.entry("orders.note", "'a,b'"));
    }

    @Test
    void entryWithoutKeyNamesBackfillAndItsProperty() {
        assertThatThrownBy(() -> PlanConfiguration.backfill(List.of("gen_random_uuid()")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("backfill");
                    assertThat(mavenMessage(e)).contains("<backfill> (-Dmigration.plan.backfill)",
                            "gen_random_uuid()", "table.column=");
                });
    }

    @Test
    void badPauseNamesBatchPauseAndItsProperty() {
        assertThatThrownBy(() -> plan(1000, "100", List.of()).toRequest(ANALYSIS))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(mavenMessage(e))
                        .startsWith("Invalid <batchPause> (-Dmigration.plan.batchPause) in the migration-maven-plugin"
                                + " configuration: batchPause=100: ")
                        .contains("100ms, 2s or 1m")
                        .doesNotContain("\n"));
    }

    @Test
    void batchSizeOutOfRangeNamesItsProperty() {
        assertThatThrownBy(() -> plan(0, "100ms", List.of()).toRequest(ANALYSIS))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(mavenMessage(e)).contains("<batchSize> (-Dmigration.plan.batchSize)"));
    }

    @Test
    void outputDirectoryOfThePlanGoalIsItsOwnProperty() {
        InvalidConfigurationException e = new InvalidConfigurationException("outputDirectory", "/ro/plan",
                "cannot write the plan: read-only file system");
        assertThat(mavenMessage(e)).contains("<outputDirectory> (-Dmigration.plan.outputDirectory)");
        MojoFailureException check = MojoErrors.map(e);
        assertThat(check.getMessage()).as("the report goals keep theirs")
                .contains("<outputDirectory> (-Dmigration.outputDirectory)");
    }
}
