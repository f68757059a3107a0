package dev.migrationagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.DeployResult.Cause;
import dev.migrationagent.api.DeployResult.Outcome;
import dev.migrationagent.api.DeployResult.StepStatus;
import dev.migrationagent.api.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults injected into guarded deploys on a real PostgreSQL, the embedded server and (when reachable) the
 * machine's, each while a client load runs on the table being migrated. After every fault: the failing
 * transactional step is rolled back, a non-transactional one leaves nothing a retry trips over, the history table
 * lists exactly the applied steps, no acknowledged client write is lost, and running the deploy again completes.
 */
class DeployFaultTest {
    private static final long SEED = 2000;
    private static final String STEP2 = "ALTER TABLE accounts ADD COLUMN flag boolean;\n";
    private static final String STEP3 = "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_n_idx ON accounts (n);\n";
    private static final String STEP4 =
            "ALTER TABLE accounts ADD CONSTRAINT accounts_n_nonneg CHECK (n >= 0) NOT VALID;\n";
    private static final String STEP5 = "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_n_nonneg;\n";
    private static final String CHECK_CONSTRAINTS =
            "SELECT count(*) FROM pg_constraint WHERE conname = 'accounts_n_nonneg'";
    private static final String FLAG_COLUMNS =
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'flag'";
    private static final String INVALID_INDEXES = "SELECT count(*) FROM pg_index WHERE NOT indisvalid";
    private static final String SLOW = "SELECT pg_sleep(1);\n";

    @TempDir
    Path dir;
    Scenario s;
    LoadGenerator load;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final Listener listener = (level, message) -> log.add(level + " " + message);

    static List<Object[]> stepsOnServers() {
        List<Object[]> cases = new ArrayList<>();
        for (Scenario.Server server : Scenario.Server.values()) {
            for (int k = 2; k <= 5; k++) {
                cases.add(new Object[] {server, k});
            }
        }
        return cases;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (load != null) {
            load.close();
        }
        if (s != null) {
            s.close();
        }
    }

    /** V1 applied, the load running, V2..V5 written; {@code slowStep} (0 for none) is made to take a while. */
    private void start(Scenario.Server server, int slowStep) throws Exception {
        s = Scenario.on(server, dir);
        Assumptions.assumeTrue(s != null, "no PostgreSQL at 127.0.0.1:5432");
        s.script("V1__accounts.sql", DeployerTest.V1);
        assertThat(MigrationAgent.deploy(s.request(), listener).outcome()).isEqualTo(Outcome.APPLIED);
        load = new LoadGenerator(s::connect, "accounts", SEED, 2, 1, 1);
        s.script("V2__flag.sql", STEP2 + (slowStep == 2 ? SLOW : ""));
        s.script("V3__index.sql", STEP3);
        s.script("V4__check.sql", STEP4 + (slowStep == 4 ? SLOW : ""));
        s.script("V5__validate.sql", STEP5 + (slowStep == 5 ? SLOW : ""));
        Thread.sleep(200);
    }

    /** Stops the load and checks that the table holds every write the clients were told succeeded. */
    private void assertNoAcknowledgedWriteLost() throws Exception {
        load.close();
        LoadGenerator.Acknowledged told = load.acknowledged();
        try (Connection c = s.connect()) {
            assertThat(LoadGenerator.stored(c, "accounts", SEED)).isEqualTo(told);
        }
        assertThat(load.operations()).isPositive();
        assertThat(load.errors()).as("load errors: %s", load.errorMessages()).isZero();
        load = null;
    }

    /**
     * After step {@code k} failed: the history lists exactly the steps before it, what it created is gone
     * ({@code countSql} counts it), no acknowledged write is lost, and once its script is fixed the deploy completes.
     */
    private void assertStepRolledBackThenFixedScriptDeploys(int k, String countSql, String script, String fixed)
            throws Exception {
        assertThat(s.history()).containsExactlyElementsOf(applied(k - 1));
        assertThat(s.number(countSql)).isZero();
        assertNoAcknowledgedWriteLost();
        s.script(script, fixed);
        assertRerunCompletes();
    }

    private void assertRerunCompletes() throws Exception {
        DeployResult again = MigrationAgent.deploy(s.request(), listener);
        assertThat(again.outcome()).as(String.join("\n", log)).isEqualTo(Outcome.APPLIED);
        assertThat(s.history()).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
        assertThat(s.number(INVALID_INDEXES)).isZero();
    }

    private List<String> applied(int upTo) {
        List<String> rows = new ArrayList<>();
        for (int v = 1; v <= upTo; v++) {
            rows.add(v + ":true");
        }
        return rows;
    }

    /** Terminates the migration's backend once it runs a statement containing {@code marker}. */
    private CompletableFuture<Integer> terminateWhenRunning(String marker) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection c = s.connect(); PreparedStatement find = c.prepareStatement("SELECT pid FROM "
                    + "pg_stat_activity WHERE application_name = 'migration-agent target' AND state = 'active' "
                    + "AND query ILIKE ? AND pid <> pg_backend_pid() AND now() - query_start > interval '200 ms'")) {
                find.setString(1, "%" + marker + "%");
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            int pid = rs.getInt(1);
                            try (Statement st = c.createStatement()) {
                                st.execute("SELECT pg_terminate_backend(" + pid + ")");
                            }
                            return pid;
                        }
                    }
                    Thread.sleep(50);
                }
                return 0;
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A session holding a REPEATABLE READ snapshot: CREATE INDEX CONCURRENTLY waits for it to end. */
    private Connection snapshotHolder() throws SQLException {
        Connection c = s.connect();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM pg_class");
        }
        return c;
    }

    @ParameterizedTest(name = "{0}: step {1}")
    @MethodSource("stepsOnServers")
    void migrationConnectionTerminatedAtEachStep(Scenario.Server server, int k) throws Exception {
        start(server, k == 3 ? 0 : k);
        Connection holder = k == 3 ? snapshotHolder() : null;
        CompletableFuture<Integer> killed = terminateWhenRunning(k == 3 ? "CONCURRENTLY" : "pg_sleep");

        DeployResult r = MigrationAgent.deploy(s.request(), listener);
        assertThat(killed.get(30, TimeUnit.SECONDS)).isPositive();
        if (holder != null) {
            holder.close();
        }

        assertThat(r.outcome()).as(String.join("\n", log)).isEqualTo(Outcome.FAILED);
        assertThat(r.incident().cause()).isEqualTo(Cause.CONNECTION_LOST);
        assertThat(r.incident().script()).endsWith("V" + k + "__" + List.of("", "", "flag", "index", "check",
                "validate").get(k) + ".sql");
        assertThat(r.steps().get(k - 2).status()).isEqualTo(StepStatus.ROLLED_BACK);
        assertThat(s.history()).containsExactlyElementsOf(applied(k - 1));
        assertThat(s.number(INVALID_INDEXES)).isZero();
        assertThat(Files.readString(dir.resolve("target/incident/incident.md"))).contains("## Recovery",
                "connection_lost", "V" + k + "__");
        assertNoAcknowledgedWriteLost();
        assertRerunCompletes();
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void retriesLockTimeoutsUntilALongTransactionEnds(Scenario.Server server) throws Exception {
        start(server, 0);
        try (Connection holder = s.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT count(*) FROM accounts");
            }
            CompletableFuture.runAsync(() -> sleep(1500)).thenRun(() -> rollback(holder));
            DeployResult r = MigrationAgent.deploy(s.request(), listener);

            assertThat(r.outcome()).as(String.join("\n", log)).isEqualTo(Outcome.APPLIED);
            List<DeployResult.Attempt> attempts = r.steps().get(0).attempts();
            assertThat(attempts.size()).isGreaterThan(1);
            assertThat(attempts.get(0).sqlState()).isEqualTo("55P03");
            assertThat(attempts.get(0).lockTimeoutMillis()).isEqualTo(100);
            assertThat(attempts).extracting(DeployResult.Attempt::lockTimeoutMillis).isSortedAccordingTo(
                    Long::compare);
        }
        assertThat(s.history()).containsExactlyElementsOf(applied(5));
        assertNoAcknowledgedWriteLost();
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void budgetRunsOutWhileALongTransactionHoldsAConflictingLock(Scenario.Server server) throws Exception {
        start(server, 0);
        int holderPid;
        DeployResult r;
        try (Connection holder = s.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_backend_pid(), count(*) FROM accounts")) {
                rs.next();
                holderPid = rs.getInt(1);
            }
            r = MigrationAgent.deploy(s.request().withGuards(s.request().guards().withBudget(Duration.ofSeconds(3))),
                    listener);
            holder.rollback();
        }
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.incident().cause()).isEqualTo(Cause.BUDGET_EXHAUSTED);
        // the last lock wait ends by its lock timeout or by the budget's cancel, whichever comes first
        assertThat(r.incident().sqlState()).isIn("55P03", "57014");
        assertThat(r.incident().blockedBy()).extracting(DeployResult.Session::pid).contains(holderPid);
        assertThat(r.steps().get(0).status()).isEqualTo(StepStatus.ROLLED_BACK);
        assertThat(r.steps().get(1).status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(s.history()).containsExactlyElementsOf(applied(1));
        assertThat(s.number(FLAG_COLUMNS)).isZero();
        assertNoAcknowledgedWriteLost();
        assertRerunCompletes();
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void budgetRunsOutDuringAStatementAndItsTransactionRollsBack(Scenario.Server server) throws Exception {
        start(server, 0);
        s.script("V4__check.sql", STEP4 + "SELECT pg_sleep(10);\n");
        DeployRequest request = s.request().withGuards(s.request().guards().withBudget(Duration.ofSeconds(3)));

        long t0 = System.nanoTime();
        DeployResult r = MigrationAgent.deploy(request, listener);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.incident().cause()).as(String.join("\n", log)).isEqualTo(Cause.BUDGET_EXHAUSTED);
        assertThat(r.incident().line()).isEqualTo(2);
        assertThat(r.steps()).extracting(DeployResult.Step::status).containsExactly(StepStatus.APPLIED,
                StepStatus.APPLIED, StepStatus.ROLLED_BACK, StepStatus.NOT_RUN);
        assertStepRolledBackThenFixedScriptDeploys(4, CHECK_CONSTRAINTS, "V4__check.sql", STEP4);
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void migrationThatBlocksTrafficLongerThanTheThresholdIsCancelled(Scenario.Server server) throws Exception {
        start(server, 0);
        // holds ACCESS EXCLUSIVE on accounts (from the ALTER) while it sleeps: every client queues behind it
        s.script("V4__check.sql", STEP4 + "SELECT pg_sleep(4);\n");
        DeployRequest request = s.request().withGuards(s.request().guards()
                .withBlockingThreshold(Duration.ofMillis(800)));

        DeployResult r = MigrationAgent.deploy(request, listener);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.incident().cause()).as(String.join("\n", log)).isEqualTo(Cause.BLOCKED_OTHERS);
        assertThat(r.incident().sqlState()).isEqualTo("57014");
        assertThat(r.incident().blocked()).isNotEmpty().allSatisfy(session -> assertThat(session.query())
                .containsIgnoringCase("accounts"));
        assertThat(r.incident().blocked()).extracting(DeployResult.Session::waitedMillis)
                .allSatisfy(waited -> assertThat(waited).isLessThan(3000));
        assertStepRolledBackThenFixedScriptDeploys(4, CHECK_CONSTRAINTS, "V4__check.sql", STEP4);
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void catalogStepLongerThanItsStatementTimeoutIsRolledBack(Scenario.Server server) throws Exception {
        start(server, 0);
        s.script("V2__flag.sql", STEP2 + "SELECT pg_sleep(2);\n");
        DeployRequest request = s.request().withGuards(s.request().guards().withStatementTimeouts(
                Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(10)));

        DeployResult r = MigrationAgent.deploy(request, listener);

        assertThat(r.incident().cause()).as(String.join("\n", log)).isEqualTo(Cause.STATEMENT_TIMEOUT);
        assertThat(r.incident().line()).isEqualTo(2);
        assertThat(r.steps().get(0).statements()).extracting(DeployResult.GuardedStatement::statementTimeoutMillis)
                .containsOnly(500L);
        assertStepRolledBackThenFixedScriptDeploys(2, FLAG_COLUMNS, "V2__flag.sql", STEP2);
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void statementFailingInStepKOfNRollsBackThatStepOnly(Scenario.Server server) throws Exception {
        start(server, 0);
        s.script("V4__check.sql", STEP4 + "INSERT INTO accounts (id, note) VALUES (1, 'duplicate');\n");

        DeployResult r = MigrationAgent.deploy(s.request(), listener);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        DeployResult.Incident i = r.incident();
        assertThat(i.cause()).isEqualTo(Cause.STATEMENT_FAILED);
        assertThat(i.sqlState()).isEqualTo("23505");
        assertThat(i.script()).isEqualTo("db/migration/V4__check.sql");
        assertThat(i.line()).isEqualTo(2);
        assertThat(i.statement()).contains("INSERT INTO accounts");
        assertThat(i.stillApplied()).hasSize(2);
        assertThat(i.rolledBack()).anySatisfy(l -> assertThat(l).contains("V4__check.sql", "rolled back"));
        assertThat(i.history()).extracting(DeployResult.HistoryRow::version).containsExactly("1", "2", "3");
        String json = Files.readString(dir.resolve("target/incident/incident.json"));
        assertThat(json).contains("\"sql_state\": \"23505\"", "\"line\": 2", "\"recovery\"");
        assertStepRolledBackThenFixedScriptDeploys(4, CHECK_CONSTRAINTS, "V4__check.sql", STEP4);
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void nonTransactionalStepFailingHalfWayKeepsItsFirstStatementAndCleansItsInvalidIndex(Scenario.Server server)
            throws Exception {
        start(server, 0);
        // the unique build fails on the duplicates the test inserts after the first index; it leaves an INVALID index
        s.script("V3__index.sql", STEP3 + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_note_key "
                + "ON accounts (note);\n");

        DeployResult r = MigrationAgent.deploy(s.request().withOverrideReason("test: unique build meant to fail"),
                listener);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.incident().sqlState()).isEqualTo("23505");
        assertThat(r.steps().get(1).status()).isEqualTo(StepStatus.PARTIALLY_APPLIED);
        assertThat(r.incident().stillApplied()).anySatisfy(l -> assertThat(l).contains("accounts_n_idx"));
        assertThat(r.incident().cleanedUp()).anySatisfy(l -> assertThat(l).contains("accounts_note_key"));
        assertStepRolledBackThenFixedScriptDeploys(3, INVALID_INDEXES, "V3__index.sql", STEP3);
    }

    @ParameterizedTest
    @EnumSource(Scenario.Server.class)
    void twoDeployersAtOnceApplyEachMigrationOnce(Scenario.Server server) throws Exception {
        start(server, 2);
        CompletableFuture<DeployResult> first = CompletableFuture.supplyAsync(
                () -> MigrationAgent.deploy(s.request(), listener));
        CompletableFuture<DeployResult> second = CompletableFuture.supplyAsync(
                () -> MigrationAgent.deploy(s.request(), listener));
        List<Outcome> outcomes = List.of(first.get(60, TimeUnit.SECONDS).outcome(),
                second.get(60, TimeUnit.SECONDS).outcome());

        assertThat(outcomes).as(String.join("\n", log)).containsExactlyInAnyOrder(Outcome.APPLIED,
                Outcome.UP_TO_DATE);
        assertThat(s.history()).containsExactlyElementsOf(applied(5));
        assertNoAcknowledgedWriteLost();
    }

    @ParameterizedTest(name = "{0}: killed during step {1}")
    @MethodSource("killCases")
    void deployingJvmKilledMidStep(Scenario.Server server, int k) throws Exception {
        start(server, k == 3 ? 0 : k);
        Connection holder = k == 3 ? snapshotHolder() : null;
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DeployMain.class.getName(), dir.toString(), s.url)
                .redirectErrorStream(true).redirectOutput(dir.resolve("jvm.log").toFile()).start();
        try {
            waitForMigrationStatement(k == 3 ? "CONCURRENTLY" : "pg_sleep");
        } finally {
            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (holder != null) {
            holder.close();
        }
        // client_connection_check_interval: the orphaned backend notices its dead client and rolls back
        waitUntil(() -> s.number("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                + "'migration-agent target'") == 0, Duration.ofSeconds(10));

        assertThat(s.history()).containsExactlyElementsOf(applied(k - 1));
        assertNoAcknowledgedWriteLost();
        assertRerunCompletes();
    }

    static List<Object[]> killCases() {
        List<Object[]> cases = new ArrayList<>();
        for (Scenario.Server server : Scenario.Server.values()) {
            cases.add(new Object[] {server, 2});
            cases.add(new Object[] {server, 3});
        }
        return cases;
    }

    private void waitForMigrationStatement(String marker) throws Exception {
        waitUntil(() -> s.number("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                + "'migration-agent target' AND state = 'active' AND query ILIKE '%" + marker + "%' "
                + "AND now() - query_start > interval '200 ms'") > 0, Duration.ofSeconds(30));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + max);
            }
            Thread.sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
