package dev.migrationagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with a shadow (embedded server) and a target (the machine's PostgreSQL, when it runs). */
class ShadowAndTargetTest {
    private static final String LOCAL = System.getProperty("ma.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final int SHADOW_MAJOR = 16;

    @TempDir
    Path project;
    Path dir;
    final List<String> log = new ArrayList<>();
    final Listener listener = (level, message) -> log.add(level + " " + message);

    @BeforeEach
    void history() throws Exception {
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__init.sql"), """
                CREATE TABLE t (id integer PRIMARY KEY, name text);
                INSERT INTO t SELECT g, 'n' || g FROM generate_series(1, 100) g;
                """);
    }

    @AfterEach
    void nothingLeftBehind() {
        // (d) every analysis drops its scratch database, whether it passed, found problems or failed.
        if (EmbeddedShadowProvider.shared().available(SHADOW_MAJOR)) {
            assertThat(EmbeddedShadowProvider.shared().scratchDatabases()).isEmpty();
        }
        assertThat(String.join("\n", log)).doesNotContain("S3ntinel");
    }

    private AnalysisRequest.Builder request() {
        return AnalysisRequest.builder(project).scope(new ReviewScope.AfterVersion("1"));
    }

    /** A database created for one test on the machine's PostgreSQL, and that server's major version. */
    private record LocalDatabase(String name, int major) {}

    /** Creates a uniquely named database on the local server; skips the test when no supported server answers. */
    private static LocalDatabase localDatabase(String prefix) {
        String db = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        int major;
        try (Connection admin = local("postgres"); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = rs.getInt(1) / 10000;
            assumeTrue(major >= AnalysisRequest.MIN_POSTGRES && major <= AnalysisRequest.MAX_POSTGRES,
                    "local PostgreSQL " + major + " is outside the supported range");
            st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL at " + LOCAL + " is not available: " + e.getMessage());
            throw new IllegalStateException(e);
        }
        return new LocalDatabase(db, major);
    }

    private static void assumeEmbedded() {
        assumeTrue(EmbeddedShadowProvider.shared().available(SHADOW_MAJOR), "embedded PostgreSQL cannot start here");
    }

    @Test
    void typeChangeIsTracedAsARewriteNextToTheStaticFinding() throws Exception {
        assumeEmbedded();
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
        Analysis a = MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR)
                .shadow(new ShadowSetting.Embedded()).build(), listener);
        Finding traced = a.findings().stream().filter(f -> f.ruleId().equals("traced-table-rewrite")).findFirst()
                .orElseThrow(() -> new AssertionError("no traced-table-rewrite in " + a.findings()));
        assertThat(traced.evidence()).isEqualTo(Evidence.TRACED);
        assertThat(traced.script()).endsWith("V2__widen.sql");
        assertThat(a.findings()).extracting(Finding::ruleId).contains("type-change-rewrite");
    }

    @Test
    void lockEstimatesOfATracedAnalysisUseRatesMeasuredOnTheShadow() throws Exception {
        assumeEmbedded();
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX t_name_idx ON t (name);");
        Analysis a = MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR).shadow(new ShadowSetting.Embedded())
                .build(), listener);
        assertThat(a.lockEstimates()).singleElement()
                .satisfies(e -> assertThat(e.reason()).endsWith("rates measured on the shadow"));
        Analysis stat = MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR).build(), listener);
        assertThat(stat.lockEstimates()).singleElement().satisfies(e -> assertThat(e.reason()).endsWith("prior rates"));
    }

    @Test
    void aScriptThatFailsOnTheShadowIsATracedFindingNotAnException() throws Exception {
        assumeEmbedded();
        // The function is invisible to the static model, so only the shadow can tell that its body breaks.
        Files.writeString(dir.resolve("V2__fails.sql"), """
                CREATE FUNCTION f() RETURNS void LANGUAGE sql AS 'SELECT 1';
                UPDATE t SET missing_column = 1;
                """);
        Analysis a = MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR)
                .shadow(new ShadowSetting.Embedded()).build(), listener);
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("traced-migration-error"))
                .singleElement().satisfies(f -> {
                    assertThat(f.evidence()).isEqualTo(Evidence.TRACED);
                    assertThat(f.message()).contains("42703").contains("missing_column");
                });
    }

    @Test
    void withoutAShadowNothingIsTracedAndNoDatabaseIsCreated() throws Exception {
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
        List<String> before = EmbeddedShadowProvider.shared().available(SHADOW_MAJOR)
                ? EmbeddedShadowProvider.shared().scratchDatabases() : List.of();
        Analysis a = MigrationAgent.analyze(request().postgresVersion(SHADOW_MAJOR).build(), listener);
        assertThat(a.findings()).extracting(Finding::evidence).doesNotContain(Evidence.TRACED);
        assertThat(a.findings()).extracting(Finding::ruleId).contains("type-change-rewrite");
        assertThat(log).noneMatch(m -> m.contains("scratch database"));
        assertThat(before).isEmpty();
    }

    @Test
    void aBrokenBaselineFallsBackToStaticAnalysis() throws Exception {
        assumeEmbedded();
        Files.writeString(dir.resolve("V1_1__ext.sql"), "CREATE EXTENSION no_such_extension;\n");
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
        Analysis a = MigrationAgent.analyze(request().scope(new ReviewScope.AfterVersion("1.1"))
                .postgresVersion(SHADOW_MAJOR).shadow(new ShadowSetting.Embedded()).build(), listener);
        assertThat(a.findings()).extracting(Finding::evidence).doesNotContain(Evidence.TRACED);
        assertThat(log).anyMatch(m -> m.startsWith("WARN") && m.contains("V1_1__ext.sql")
                && m.contains("nothing traced"));
    }

    @Test
    void flywayReplaysAConcurrentIndexBaselineWithoutHangingAndTheReviewedScriptIsTraced() throws Exception {
        assumeEmbedded();
        // Alone in its file, so Flyway runs it outside a transaction; with Flyway's transactional lock it would wait
        // for ever on the lock's open transaction.
        Files.writeString(dir.resolve("V1_1__idx.sql"), "CREATE INDEX CONCURRENTLY t_name_idx ON t (name);\n");
        // Only a Flyway replay leaves a schema history table on the shadow.
        Files.writeString(dir.resolve("V2__widen.sql"), """
                ALTER TABLE t ALTER COLUMN id TYPE bigint;
                CREATE TABLE replayed AS SELECT version FROM flyway_schema_history;
                """);
        Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> MigrationAgent.analyze(request()
                .scope(new ReviewScope.AfterVersion("1.1")).postgresVersion(SHADOW_MAJOR)
                .shadow(new ShadowSetting.Embedded()).build(), listener));
        assertThat(log).noneMatch(m -> m.startsWith("WARN"));
        assertThat(a.findings()).extracting(Finding::ruleId).contains("traced-table-rewrite")
                .doesNotContain("traced-migration-error");
    }

    @Test
    void theTargetsSchemaHistoryDecidesWhatIsAppliedAndWhatIsPending() throws Exception {
        LocalDatabase local = localDatabase("ma_hist_");
        String db = local.name();
        int major = local.major();
        try {
            try (Connection c = local(db); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id integer PRIMARY KEY, name text)");
                st.execute("""
                        CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
                            description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
                            checksum int, installed_by varchar(100) NOT NULL,
                            installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL,
                            success boolean NOT NULL)""");
                st.execute("INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 0, "
                        + "'postgres', now(), 1, true), (2, '2', 'widen', 'SQL', 'V2__widen.sql', 0, 'postgres', "
                        + "now(), 1, false)");
            }
            Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n");
            Analysis a = MigrationAgent.analyze(request().postgresVersion(major)
                    .shadow(new ShadowSetting.Server(new DatabaseConnection(LOCAL + "postgres", "postgres", null)))
                    .target(new DatabaseConnection(LOCAL + db, "postgres", null)).build(), listener);
            assertThat(log).anyMatch(m -> m.startsWith("INFO") && m.contains("lists 1 applied version(s)")
                    && m.contains("replaying 1 applied migration(s)") && m.contains("pending among the reviewed: ")
                    && m.endsWith("V2__widen.sql"));
            assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("traced-table-rewrite")).isNotEmpty();
            // Read only: the history is as it was.
            try (Connection c = local(db); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        } finally {
            try (Connection admin = local("postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aShadowServerGetsAScratchDatabaseThatIsDroppedAfterwards() throws Exception {
        int major;
        try (Connection admin = local("postgres"); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = rs.getInt(1) / 10000;
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL at " + LOCAL + " is not available: " + e.getMessage());
            return;
        }
        Files.writeString(dir.resolve("V2__widen.sql"), "ALTER TABLE t ALTER COLUMN id TYPE bigint;");
        Analysis a = MigrationAgent.analyze(request().postgresVersion(major).shadow(new ShadowSetting.Server(
                new DatabaseConnection(LOCAL + "postgres", "postgres", null))).build(), listener);
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("traced-table-rewrite"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.evidence()).isEqualTo(Evidence.TRACED));
        try (Connection admin = local("postgres"); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname LIKE 'migration\\_agent\\_shadow\\_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("scratch databases left on the server").isZero();
        }
    }

    @Test
    void targetGivesStatsAndServerMajor() throws Exception {
        LocalDatabase local = localDatabase("ma_it_");
        String db = local.name();
        int major = local.major();
        try {
            try (Connection c = local(db); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id integer PRIMARY KEY, name text)");
                st.execute("INSERT INTO t SELECT g, 'n' || g FROM generate_series(1, 5000) g");
                st.execute("ANALYZE t");
            }
            Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX t_name_idx ON t (name);\n");
            Analysis a = MigrationAgent.analyze(request().smallTableRows(10)
                    .target(new DatabaseConnection(LOCAL + db, "postgres", null)).build(), listener);
            assertThat(a.postgresVersion()).isEqualTo(major);
            assertThat(a.activeFindings()).filteredOn(f -> f.ruleId().equals("require-concurrent-index"))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("~5,000 rows"));
            // Read only: the target still has no index.
            try (Connection c = local(db); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 't_name_idx'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            try (Connection admin = local("postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    @Test
    void rejectedCredentialsNeverShowThePassword() throws Exception {
        try (Connection c = local("postgres")) {
            // reachable: go on
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL at " + LOCAL + " is not available: " + e.getMessage());
        }
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String sentinel = "S3ntinel-" + random;
        Files.writeString(dir.resolve("V2__x.sql"), "SELECT 1;\n");
        AnalysisRequest req = request().target(new DatabaseConnection(LOCAL + "postgres", "nobody_" + random,
                Secret.of(sentinel))).build();
        Throwable e = catchThrowable(() -> MigrationAgent.analyze(req, listener));
        assertThat(e).isInstanceOf(InvalidConfigurationException.class);
        assertThat(((InvalidConfigurationException) e).parameter()).isIn("user", "password");
        assertThat(e.getMessage()).doesNotContain(sentinel).doesNotContain("\n");
        assertThat(e.toString()).doesNotContain(sentinel);
        assertThat(req.toString()).doesNotContain(sentinel);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(sentinel);
        }
    }

    @Test
    void unreachableTargetIsUnavailableInOneLine() throws Exception {
        Files.writeString(dir.resolve("V2__x.sql"), "SELECT 1;\n");
        AnalysisRequest req = request().target(new DatabaseConnection("jdbc:postgresql://127.0.0.1:1/x?password="
                + "S3ntinel-url", "u", Secret.of("S3ntinel-pw"))).build();
        Throwable e = catchThrowable(() -> MigrationAgent.analyze(req, listener));
        assertThat(e).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot reach jdbc:postgresql://127.0.0.1:1/x: ");
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("S3ntinel");
        assertThat(req.toString()).doesNotContain("S3ntinel");
    }

    @Test
    void aShadowServerThatIsTheTargetIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve("V2__x.sql"), "SELECT 1;\n");
        DatabaseConnection target = new DatabaseConnection("jdbc:postgresql://127.0.0.1:1/app", "u", null);
        // The target is unreachable, so no target read comes first: use a shadow-only request with target given.
        Throwable e = catchThrowable(() -> ShadowRun.trace(new ShadowSetting.Server(new DatabaseConnection(
                "jdbc:postgresql://localhost:1/app?password=S3ntinel", "u", null)), target, null, 16,
                List.of(), List.of(new dev.migrationagent.script.MigrationScript(null, "V2__x.sql", null, "x",
                        "SELECT 1", null)), listener));
        assertThat(e).isInstanceOf(InvalidConfigurationException.class);
        assertThat(((InvalidConfigurationException) e).parameter()).isEqualTo("shadow");
        assertThat(e.getMessage()).contains("points to the target database app").doesNotContain("\n")
                .doesNotContain("S3ntinel");
    }

    private static Connection local(String database) throws SQLException {
        return DriverManager.getConnection(LOCAL + database + "?connectTimeout=3&loginTimeout=3", "postgres", "");
    }
}
