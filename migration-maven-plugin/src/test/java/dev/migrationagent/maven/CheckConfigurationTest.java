package dev.migrationagent.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Severity;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigurationTest {
    private static final Path BASE = Path.of("/work/orders-service").toAbsolutePath();

    private static CheckConfiguration config(
            List<String> locations, String flywayLocations, String baselineVersion, String gitBase) {
        return new CheckConfiguration(BASE, locations, flywayLocations, baselineVersion, gitBase, 17, null, 10_000,
                List.of(), Map.of(), null, null);
    }

    private static HistoryTable table(String table, String flywayTable, String defaultSchema, String schemas) {
        return new CheckConfiguration(BASE, List.of(), null, null, null, 17, null, 10_000, List.of(), Map.of(), null,
                new CheckConfiguration.History(table, flywayTable, defaultSchema, schemas)).historyTable();
    }

    @Test
    void historyTableDefaultsToFlywaysAndHonoursFlywaysProperties() {
        assertThat(table(null, null, null, null)).isEqualTo(HistoryTable.DEFAULT);
        assertThat(table(null, "schema_version", null, null)).isEqualTo(new HistoryTable(null, "schema_version"));
        assertThat(table("History", "schema_version", null, null)).isEqualTo(new HistoryTable(null, "History"));
        // Flyway keeps the table in its default schema, else the first of its schemas.
        assertThat(table(null, null, "app", "other")).isEqualTo(new HistoryTable("app", "flyway_schema_history"));
        assertThat(table(" ", null, null, "billing, other")).isEqualTo(new HistoryTable("billing",
                "flyway_schema_history"));
        assertThat(table("audit.history", null, "app", null)).isEqualTo(new HistoryTable("audit", "history"));
    }

    @Test
    void badHistoryTableNamesWhereItCameFrom() {
        assertThatThrownBy(() -> table("a.b.c", null, null, null))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("table"));
        assertThatThrownBy(() -> table(null, "\"open", null, null))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("flywayTable");
                    assertThat(MojoErrors.map(e).getMessage()).startsWith("Invalid <flywayTable> (-Dflyway.table)")
                            .contains("table or schema.table").doesNotContain("\n");
                });
    }

    @Test
    void historyTableReachesTheRequest() {
        AnalysisRequest request = new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, 17, null,
                10_000, List.of(), Map.of(), null, new CheckConfiguration.History("app.history", null, null, null))
                .toRequest();
        assertThat(request.table()).isEqualTo(new HistoryTable("app", "history"));
    }

    @Test
    void defaultsToFlywayFolderUnderBasedir() {
        assertThat(config(List.of(), null, null, null).effectiveLocations())
                .containsExactly("filesystem:" + BASE.resolve("src/main/resources/db/migration"));
    }

    @Test
    void honoursFlywayLocationsPropertyWhenLocationsAreNotConfigured() {
        assertThat(config(List.of(), "filesystem:db/a, filesystem:/abs/b", null, null).effectiveLocations())
                .containsExactly("filesystem:" + BASE.resolve("db/a"), "filesystem:" + Path.of("/abs/b"));
    }

    @Test
    void configuredLocationsWinOverFlywayLocations() {
        assertThat(config(List.of("filesystem:sql"), "filesystem:db/a", null, null).effectiveLocations())
                .containsExactly("filesystem:" + BASE.resolve("sql"));
    }

    @Test
    void leavesNonFilesystemLocationsToTheCore() {
        assertThat(config(List.of("classpath:db/migration"), null, null, null).effectiveLocations())
                .containsExactly("classpath:db/migration");
    }

    @Test
    void blankLocationsAreAConfigurationError() {
        assertThatThrownBy(() -> config(List.of(), " , ", null, null).effectiveLocations())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("locations"));
    }

    @Test
    void baselineVersionSelectsAfterVersion() {
        assertThat(config(List.of(), null, " 6 ", null).scope()).isEqualTo(new ReviewScope.AfterVersion("6"));
    }

    @Test
    void gitBaseSelectsChangedSince() {
        assertThat(config(List.of(), null, null, "origin/main").scope())
                .isEqualTo(new ReviewScope.ChangedSince("origin/main"));
    }

    @Test
    void neitherSelectsAuto() {
        assertThat(config(List.of(), null, "", " ").scope()).isEqualTo(new ReviewScope.Auto());
    }

    @Test
    void baselineAndGitBaseTogetherNameBothElements() {
        assertThatThrownBy(() -> config(List.of(), null, "6", "origin/main").scope())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("baselineVersion");
                    assertThat(e.getMessage()).contains("<baselineVersion>", "<gitBase>");
                });
    }

    @Test
    void missingFolderNamesTheElementItCameFrom(@TempDir Path base) {
        CheckConfiguration fromLocations = new CheckConfiguration(base, List.of("filesystem:db/nope"), null, null,
                null, 17, null, 10_000, List.of(), Map.of(), null, null);
        assertThatThrownBy(fromLocations::toRequest)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("locations");
                    assertThat(e.getMessage()).contains(base.resolve("db/nope").toString(), "no such folder");
                });

        CheckConfiguration fromFlyway = new CheckConfiguration(base, List.of(), "filesystem:db/nope", null, null, 17,
                null, 10_000, List.of(), Map.of(), null, null);
        assertThatThrownBy(fromFlyway::toRequest)
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("flywayLocations"));
    }

    @Test
    void mapsEveryParameterIntoTheRequest(@TempDir Path base) throws IOException {
        Files.createDirectories(base.resolve("db"));
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("schema", "shop");
        placeholders.put("empty", null);
        CheckConfiguration config = new CheckConfiguration(base, List.of("filesystem:db"), null, "6", null, 14,
                base.resolve("migration-stats.json"), 500,
                List.of(new Rule("ban-drop-column", "warning", true), new Rule("require-concurrent-index", null, false)),
                placeholders, null, null);

        AnalysisRequest request = config.toRequest();

        assertThat(request.baseDir()).isEqualTo(base);
        assertThat(request.locations()).containsExactly("filesystem:" + base.resolve("db"));
        assertThat(request.scope()).isEqualTo(new ReviewScope.AfterVersion("6"));
        assertThat(request.postgresVersion()).isEqualTo(14);
        assertThat(request.statsFile()).isEqualTo(base.resolve("migration-stats.json"));
        assertThat(request.smallTableRows()).isEqualTo(500);
        assertThat(request.rules()).containsExactly(
                new RuleSetting("ban-drop-column", Severity.WARNING, true),
                new RuleSetting("require-concurrent-index", null, false));
        assertThat(request.placeholders()).containsOnly(Map.entry("schema", "shop"), Map.entry("empty", ""));
        assertThat(request.shadow()).isEqualTo(new ShadowSetting.None());
        assertThat(request.target()).isNull();
    }

    @Test
    void unknownSeverityNamesTheRule() {
        CheckConfiguration config = new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, 17, null,
                10_000, List.of(new Rule("ban-drop-column", "fatal", true)), Map.of(), null, null);
        assertThatThrownBy(config::toRequest)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("rules");
                    assertThat(e.value()).isEqualTo("fatal");
                    assertThat(e.getMessage()).contains("ban-drop-column");
                });
    }

    @Test
    void ruleWithoutIdIsAConfigurationError() {
        CheckConfiguration config = new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, 17, null,
                10_000, List.of(new Rule(null, "ERROR", true)), Map.of(), null, null);
        assertThatThrownBy(config::toRequest).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<id>");
    }

    @Test
    void outOfRangePostgresVersionIsRejectedByTheCore() {
        CheckConfiguration config = new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, 9, null,
                10_000, List.of(), Map.of(), null, null);
        assertThatThrownBy(config::toRequest)
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("postgresVersion"));
    }

    @Test
    void parsesFormats() {
        assertThat(CheckConfiguration.formats("json, md,sarif"))
                .containsExactlyInAnyOrder(ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.SARIF);
        assertThat(CheckConfiguration.formats(" ")).isEmpty();
        assertThatThrownBy(() -> CheckConfiguration.formats("json,html"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("formats");
                    assertThat(e.value()).isEqualTo("html");
                });
    }
}
