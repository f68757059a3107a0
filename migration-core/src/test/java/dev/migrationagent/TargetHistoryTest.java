package dev.migrationagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.PlanRequest;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.flyway.FlywaySettings;
import dev.migrationagent.introspect.ScratchDatabase;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.script.SchemaHistory;
import dev.migrationagent.script.ScriptLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target's Flyway schema history decides the shadow's baseline, repeatable scripts included, in a table that may
 * be configured, for the analysis and the plan alike, and the deploy writes to that table: a target migrated by
 * Flyway itself on the machine's PostgreSQL (skipped when it is not reachable), the shadow a scratch database on the
 * same server.
 */
class TargetHistoryTest {
    private static final String VIEW = "CREATE OR REPLACE VIEW public.v AS SELECT id FROM public.t;\n";
    private static final Map<String, String> PLACEHOLDERS = Map.of("suffix", "x");

    @TempDir
    Path project;
    Path dir;
    ScratchDatabase target;
    final List<String> log = new ArrayList<>();
    final Listener listener = (level, message) -> log.add(level + " " + message);

    @BeforeEach
    void migrations() throws Exception {
        target = ScratchDatabase.create();
        target.assumeAvailable();
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        // Qualified names, so that the objects land in public whatever Flyway's default schema is.
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE public.t (id integer PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("R__view.sql"), VIEW);
    }

    @AfterEach
    void drop() throws SQLException {
        target.close();
    }

    /** Flyway itself migrates the target with the scripts on disk, keeping its history in {@code table}. */
    private Flyway flyway(HistoryTable table) {
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(ScratchDatabase.SERVER + target.name, "postgres", "")
                .locations("filesystem:" + dir)
                .table(table.name())
                .placeholders(PLACEHOLDERS)
                .loggers(FlywaySettings.Quiet.class.getName());
        if (table.schema() != null) {
            config.schemas(table.schema());
        }
        return config.load();
    }

    private AnalysisRequest.Builder request() {
        return AnalysisRequest.builder(project).scope(new ReviewScope.AfterVersion("1"))
                .shadow(new ShadowSetting.Server(new DatabaseConnection(ScratchDatabase.SERVER + "postgres", "postgres",
                        null)))
                .target(new DatabaseConnection(ScratchDatabase.SERVER + target.name, "postgres", null));
    }

    private static List<Finding> errors(Analysis a) {
        return a.findings().stream().filter(f -> f.ruleId().equals("traced-migration-error")).toList();
    }

    @Test
    void anAppliedRepeatableIsPartOfTheBaselineThatFlywayReplays() throws Exception {
        flyway(HistoryTable.DEFAULT).migrate();
        // The view the repeatable script made on the target forbids this type change; without it the shadow would
        // let it pass.
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
        Analysis a = MigrationAgent.analyze(request().build(), listener);
        assertThat(errors(a)).singleElement().satisfies(f -> assertThat(f.message()).contains("view"));
        assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("lists 1 applied version(s) and 1 "
                + "repeatable migration(s); replaying 2 applied migration(s)") && m.endsWith("V2__widen.sql"));
        assertThat(log).noneMatch(m -> m.startsWith("WARN"));
    }

    @Test
    void anAppliedRepeatableIsPartOfTheBaselineReplayedOverJdbc() throws Exception {
        flyway(HistoryTable.DEFAULT).migrate();
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
        List<MigrationScript> all = ScriptLocator.find(project, List.of("filesystem:" + dir), Map.of(), listener);
        List<MigrationScript> reviewed = all.stream().filter(s -> s.path().endsWith("V2__widen.sql")).toList();
        // Without a layout (as for explicit files) nothing goes through Flyway.
        var traces = ShadowRun.trace(new ShadowSetting.Server(new DatabaseConnection(ScratchDatabase.SERVER
                + "postgres", "postgres", null)), request().build().target(), null, 15, all, reviewed, listener);
        assertThat(traces.values()).singleElement().satisfies(t -> assertThat(t.failure().error().message())
                .contains("view"));
    }

    @Test
    void aRepeatableChangedSinceAppliedIsReportedAsFlywayWouldRunItAgain() throws Exception {
        flyway(HistoryTable.DEFAULT).migrate();
        Files.writeString(dir.resolve("R__view.sql"), VIEW.replace("id FROM", "id, name FROM"));
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE t ADD COLUMN note text;\n");
        Analysis a = MigrationAgent.analyze(request().build(), listener);
        assertThat(log).filteredOn(m -> m.startsWith("WARN")).singleElement().satisfies(m -> assertThat(m)
                .contains("R__view.sql changed since it was applied to the target").contains("not under review"));
        assertThat(a.findings()).extracting(Finding::ruleId).doesNotContain("traced-migration-error");
        // Reviewed, it is pending as Flyway sees it, and traced.
        log.clear();
        MigrationAgent.analyze(request().scope(new ReviewScope.All()).build(), listener);
        assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("R__view.sql changed since it was applied")
                && m.contains("pending"));
        assertThat(log).anyMatch(m -> m.contains("pending among the reviewed: ") && m.contains("V2__note.sql")
                && m.contains("R__view.sql") && !m.contains("V1__init.sql"));
    }

    @Test
    void theStatesMatchFlywaysOwn() throws Exception {
        HistoryTable table = new HistoryTable("app", "Schema_Version");
        // Windows line endings and a byte order mark: Flyway's checksum ignores both.
        Files.writeString(dir.resolve("V2__crlf.sql"), "\uFEFFALTER TABLE public.t\r\n  ADD COLUMN note text;\r\n");
        // Flyway's checksum of a repeatable script is taken after placeholders are replaced.
        Files.writeString(dir.resolve("R__placeholder.sql"), "CREATE OR REPLACE VIEW public.w_${suffix} AS SELECT 1;\n");
        flyway(table).migrate();
        Files.writeString(dir.resolve("R__view.sql"), VIEW + "-- changed\n");
        Files.writeString(dir.resolve("V3__later.sql"), "SELECT 1;\n");
        // Flyway lists a changed repeatable script twice: its applied run, outdated, and its new content, pending.
        List<String> flywayStates = new ArrayList<>();
        for (MigrationInfo info : flyway(table).info().all()) {
            flywayStates.add(info.getScript() + " " + info.getState().name());
        }
        SchemaHistory history = TargetDatabase.history(request().build().target(), table, listener);
        Map<String, String> ours = new HashMap<>();
        for (MigrationScript s : ScriptLocator.find(project, List.of("filesystem:" + dir), PLACEHOLDERS, listener)) {
            ours.put(s.file().getFileName().toString(), history.state(s).name());
            assertThat(history.checksumMismatch(s)).as(s.path()).isFalse();
        }
        assertThat(flywayStates).contains("V1__init.sql SUCCESS", "V2__crlf.sql SUCCESS", "R__view.sql OUTDATED",
                "R__view.sql PENDING", "R__placeholder.sql SUCCESS", "V3__later.sql PENDING");
        assertThat(ours).containsEntry("V1__init.sql", "APPLIED").containsEntry("V2__crlf.sql", "APPLIED")
                .containsEntry("R__view.sql", "CHANGED").containsEntry("R__placeholder.sql", "APPLIED")
                .containsEntry("V3__later.sql", "PENDING");
    }

    @Test
    void aChangedVersionedScriptIsReportedAsFlywaysValidateWouldRefuseIt() throws Exception {
        flyway(HistoryTable.DEFAULT).migrate();
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE public.t (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE t ADD COLUMN note text;\n");
        MigrationAgent.analyze(request().build(), listener);
        assertThat(log).anyMatch(m -> m.startsWith("WARN") && m.contains("V1__init.sql changed since it was applied")
                && m.contains("validate refuses"));
    }

    @Test
    void aConfiguredHistoryTableIsReadQuotedAndLeftOutOfTheSchema() throws Exception {
        HistoryTable table = new HistoryTable("app", "Schema_Version");
        flyway(table).migrate();
        // Only the shadow's Flyway replay, under the configured name, gives the reviewed script this table to read.
        Files.writeString(dir.resolve("V2__note.sql"), """
                ALTER TABLE t ADD COLUMN note text;
                CREATE TABLE replayed AS SELECT version FROM "Schema_Version";
                """);
        Analysis a = MigrationAgent.analyze(request().table("app.\"Schema_Version\"").build(), listener);
        assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("The target's app.Schema_Version lists 1 "
                + "applied version(s) and 1 repeatable migration(s)"));
        // The target's history table is no drift, nor is the shadow's.
        assertThat(log).noneMatch(m -> m.startsWith("WARN"));
        assertThat(errors(a)).isEmpty();
        assertThat(a.findings()).extracting(Finding::ruleId).doesNotContain("schema-drift");

        log.clear();
        MigrationAgent.analyze(request().build(), listener);
        assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("flyway_schema_history cannot be read")
                && m.contains("set table"));
    }

    @Test
    void aPlanReplaysTheBaselineFromTheConfiguredHistoryTable() throws Exception {
        HistoryTable table = new HistoryTable("app", "Schema_Version");
        flyway(table).migrate();
        // Pending on the target but not under review: only the history keeps it out of the baseline.
        Files.writeString(dir.resolve("V2__email.sql"), "ALTER TABLE public.t ADD COLUMN email text;\n");
        Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX t_name_idx ON public.t (name);\n");
        Files.writeString(project.resolve("stats.json"), """
                {"tables": [{"schema": "public", "name": "t", "rows": 50000000, "bytes": 8000000000}]}
                """);
        PlanResult r = MigrationAgent.plan(PlanRequest.of(request().scope(new ReviewScope.AfterVersion("2"))
                .statsFile(Path.of("stats.json")).table("app.\"Schema_Version\"").build(), Path.of("plan")), listener);

        // Read twice, the same way: for the analysis that finds V3 unsafe, and for the shadow the plan is proven on.
        assertThat(log).filteredOn(m -> m.startsWith("INFO") && m.contains("The target's app.Schema_Version lists 1 "
                + "applied version(s) and 1 repeatable migration(s); replaying 2 applied migration(s)")
                && m.endsWith("V3__index.sql")).hasSize(2);
        assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("Planning 1 migration(s)"));
        assertThat(log).noneMatch(m -> m.contains("cannot be read"));
        assertThat(log).noneMatch(m -> m.startsWith("WARN"));
        assertThat(r.scripts()).singleElement().satisfies(s -> {
            assertThat(s.problems()).isEmpty();
            assertThat(s.verified()).isTrue();
        });
    }

    @Test
    void aDeployWritesToTheConfiguredHistoryTable() throws Exception {
        HistoryTable table = new HistoryTable("app", "Schema_Version");
        flyway(table).migrate();
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE public.t ADD COLUMN note text;\n");
        DeployResult r = MigrationAgent.deploy(DeployRequest.of(request().table("app.\"Schema_Version\"").build()),
                listener);

        // Only V2 is pending in the configured table; Flyway reading another would run V1 again and fail.
        assertThat(r.outcome()).as(String.join("\n", log)).isEqualTo(DeployResult.Outcome.APPLIED);
        assertThat(r.steps()).extracting(DeployResult.Step::version).containsExactly("2");
        assertThat(flyway(table).info().pending()).isEmpty();
        try (Connection c = target.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT string_agg(version || ':' || success, ',' ORDER BY "
                        + "installed_rank) FROM app.\"Schema_Version\" WHERE version IS NOT NULL), "
                        + "to_regclass('public.flyway_schema_history') IS NULL, "
                        + "to_regclass('app.flyway_schema_history') IS NULL")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1:true,2:true");
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    void theHistoryIsOnlyRead() throws Exception {
        flyway(HistoryTable.DEFAULT).migrate();
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE t ADD COLUMN note text;\n");
        MigrationAgent.analyze(request().build(), listener);
        try (Connection c = target.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
