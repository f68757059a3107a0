package dev.migrationagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation of the shadow run through the facade: schema delta and re-run on the embedded shadow, drift against the
 * machine's PostgreSQL (skipped when it is not reachable).
 */
class ValidationTest {
    private static final String LOCAL = System.getProperty("ma.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final int SHADOW_MAJOR = 16;
    private static final Set<String> VALIDATION = Set.of("unexpected-schema-change", "not-idempotent",
            "schema-drift");
    private static final String TARGET_DB = "ma_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    private static String targetUnavailable;
    private static int targetMajor;

    @TempDir
    Path project;
    Path dir;
    final List<String> log = new ArrayList<>();
    final Listener listener = (level, message) -> log.add(level + " " + message);

    @BeforeAll
    static void createTarget() {
        try (Connection admin = local("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + TARGET_DB);
            try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                targetMajor = rs.getInt(1) / 10000;
            }
        } catch (SQLException e) {
            targetUnavailable = "PostgreSQL at " + LOCAL + " is not available: " + e.getMessage();
        }
    }

    @AfterAll
    static void dropTarget() throws SQLException {
        if (targetUnavailable == null) {
            try (Connection admin = local("postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + TARGET_DB + " WITH (FORCE)");
            }
        }
    }

    @BeforeEach
    void history() throws Exception {
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE t (id integer PRIMARY KEY, c integer);\n");
    }

    @Test
    void aTriggerThatCreatesATableIsAnUnexpectedSchemaChange() throws Exception {
        Files.writeString(dir.resolve("V2__trigger.sql"), """
                CREATE FUNCTION t_keep() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    CREATE TABLE IF NOT EXISTS t_side (id integer);
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER t_keep AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION t_keep();
                INSERT INTO t VALUES (1, 1);
                """);
        Finding f = single(embedded(), "unexpected-schema-change");
        assertThat(f.script()).endsWith("V2__trigger.sql");
        assertThat(f.message()).contains("table t_side appeared");
        assertThat(f.line()).as("the INSERT that fired the trigger").isEqualTo(8);
    }

    @Test
    void aConstraintAProcedureAddsIsReportedOnTheCallNotOnTheScriptsLastStatement() throws Exception {
        Files.writeString(dir.resolve("V2__guard.sql"), """
                CREATE PROCEDURE guard_c() LANGUAGE sql AS 'ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c > 0)';
                CALL guard_c();
                ALTER TABLE t ADD COLUMN note text;
                CREATE INDEX t_note_idx ON t (note);
                """);
        Finding f = single(embedded(), "unexpected-schema-change");
        assertThat(f.message()).contains("constraint t_c_check on t appeared");
        assertThat(f.line()).as("the CALL").isEqualTo(2);
    }

    @Test
    void aConcurrentIndexWithoutIfNotExistsIsNotIdempotent() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY i ON t (c);\n");
        Finding f = single(embedded(), "not-idempotent");
        assertThat(f.message()).contains("42P07");
        assertThat(f.fix()).contains("IF NOT EXISTS");
    }

    @Test
    void theIfNotExistsFormIsIdempotent() throws Exception {
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (c);\n");
        assertThat(validationFindings(embedded())).isEmpty();
    }

    @Test
    void anExtraColumnOnTheTargetIsDrift() throws Exception {
        assumeTarget();
        exec("DROP TABLE IF EXISTS t", "CREATE TABLE t (id integer PRIMARY KEY, c integer, hotfix text)");
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE t ADD COLUMN note text;\n");
        Finding f = single(withTarget(), "schema-drift");
        assertThat(f.message()).contains("column t.hotfix");
        assertThat(log).filteredOn(m -> m.startsWith("WARN Schema drift")).singleElement()
                .satisfies(m -> assertThat(m).contains("t.hotfix"));
    }

    @Test
    void longDriftIsCappedAtTwentyWithACount() throws Exception {
        assumeTarget();
        List<String> sql = new ArrayList<>(List.of("DROP TABLE IF EXISTS t",
                "CREATE TABLE t (id integer PRIMARY KEY, c integer)"));
        for (int i = 0; i < 25; i++) {
            sql.add("CREATE TABLE IF NOT EXISTS hand_" + i + " (id integer)");
        }
        exec(sql.toArray(String[]::new));
        try {
            Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE t ADD COLUMN note text;\n");
            Finding f = single(withTarget(), "schema-drift");
            assertThat(f.message()).contains("and 5 more");
            assertThat(log).filteredOn(m -> m.startsWith("WARN Schema drift")).hasSize(25);
        } finally {
            exec(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "DROP TABLE hand_" + i)
                    .toArray(String[]::new));
        }
    }

    @Test
    void aCleanSetupHasNoValidationFindings() throws Exception {
        assumeTarget();
        exec("DROP TABLE IF EXISTS t", "CREATE TABLE t (id integer PRIMARY KEY, c integer)");
        Files.writeString(dir.resolve("V2__note.sql"), """
                ALTER TABLE t ADD COLUMN note text;
                CREATE INDEX t_note_idx ON t (note);
                """);
        assertThat(validationFindings(withTarget())).isEmpty();
        assertThat(log).noneMatch(m -> m.contains("drift"));
    }

    private Analysis embedded() {
        assumeTrue(EmbeddedShadowProvider.shared().available(SHADOW_MAJOR), "embedded PostgreSQL cannot start here");
        return MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR).shadow(new ShadowSetting.Embedded())
                .build(), listener);
    }

    private Analysis withTarget() {
        assumeTrue(EmbeddedShadowProvider.shared().available(targetMajor), "embedded PostgreSQL " + targetMajor
                + " cannot start here");
        return MigrationAgent.analyze(request().shadow(new ShadowSetting.Embedded())
                .target(new DatabaseConnection(LOCAL + TARGET_DB, "postgres", null)).build(), listener);
    }

    private AnalysisRequest.Builder request() {
        return AnalysisRequest.builder(project).scope(new ReviewScope.AfterVersion("1"));
    }

    private static List<Finding> validationFindings(Analysis a) {
        return a.findings().stream().filter(f -> VALIDATION.contains(f.ruleId())).toList();
    }

    private static Finding single(Analysis a, String rule) {
        List<Finding> found = validationFindings(a);
        assertThat(found).as("validation findings").extracting(Finding::ruleId).containsExactly(rule);
        return found.get(0);
    }

    private static void assumeTarget() {
        assumeTrue(targetUnavailable == null, targetUnavailable);
        assumeTrue(targetMajor >= AnalysisRequest.MIN_POSTGRES && targetMajor <= AnalysisRequest.MAX_POSTGRES,
                "local PostgreSQL " + targetMajor + " is outside the supported range");
    }

    private static void exec(String... sql) throws SQLException {
        try (Connection c = local(TARGET_DB); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static Connection local(String database) throws SQLException {
        return DriverManager.getConnection(LOCAL + database + "?connectTimeout=3&loginTimeout=3", "postgres", "");
    }
}
