package dev.migrationagent.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracer on a real embedded PostgreSQL 16. */
class TracerTest {
    private static final int PG = 16;
    private static EmbeddedShadowProvider shadow;

    @BeforeAll
    static void server() {
        shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(PG), "embedded PostgreSQL cannot start here; skipped");
    }

    private static ScriptTrace trace(String schema, List<String> migration, boolean transactional) throws Exception {
        try (ShadowDatabase db = shadow.create(PG); Connection c = db.connect()) {
            Tracer t = new Tracer();
            t.replay(c, List.of(schema));
            return t.trace(c, migration, transactional);
        }
    }

    @Test
    void intToBigintRewritesTheTableAndItsIndex() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v varchar(10))",
                List.of("ALTER TABLE t ALTER COLUMN id TYPE bigint"), true);
        assertThat(t.statements().get(0).rewritten()).extracting(Relation::name).contains("t", "t_pkey");
    }

    @Test
    void wideningAVarcharRewritesNothing() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v varchar(10))",
                List.of("ALTER TABLE t ALTER COLUMN v TYPE varchar(20)"), true);
        assertThat(t.statements().get(0).status()).isEqualTo(StatementTrace.Status.OK);
        assertThat(t.statements().get(0).rewritten()).isEmpty();
    }

    @Test
    void concurrentIndexInATransactionFailsAndStopsTheScript() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v int)",
                List.of("ALTER TABLE t ADD COLUMN w int", "CREATE INDEX CONCURRENTLY t_v ON t (v)",
                        "ALTER TABLE t ADD COLUMN x int"), true);
        StatementTrace cic = t.statements().get(1);
        assertThat(cic.status()).isEqualTo(StatementTrace.Status.FAILED);
        assertThat(cic.error().sqlState()).isEqualTo("25001");
        assertThat(t.statements().get(2).status()).isEqualTo(StatementTrace.Status.NOT_RUN);
        assertThat(t.failure()).isSameAs(cic);
    }

    @Test
    void concurrentIndexOutsideATransactionRuns() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v int)",
                List.of("CREATE INDEX CONCURRENTLY t_v ON t (v)"), false);
        assertThat(t.statements().get(0).status()).isEqualTo(StatementTrace.Status.OK);
        assertThat(t.statements().get(0).locksObserved()).isFalse();
    }

    @Test
    void concurrentIndexLocksAreSampledFromASecondSession() throws Exception {
        try (ShadowDatabase db = shadow.create(PG); Connection c = db.connect()) {
            Tracer t = new Tracer();
            t.replay(c, List.of("CREATE TABLE t (id int PRIMARY KEY, v int)",
                    "INSERT INTO t SELECT g, g % 1000 FROM generate_series(1, 50000) g"));
            StatementTrace s = t.trace(c, List.of("CREATE INDEX CONCURRENTLY t_v ON t (v)"), false, db::connect)
                    .statements().get(0);
            assertThat(s.status()).isEqualTo(StatementTrace.Status.OK);
            assertThat(s.locksObserved()).isFalse();
            assertThat(s.locksSampled()).isTrue();
            assertThat(s.locks()).contains(new LockHeld(new Relation("public", "t", Relation.Kind.TABLE, "t"),
                    "ShareUpdateExclusiveLock"));
            assertThat(s.acquired()).isEqualTo(s.locks());
        }
        assertThat(shadow.scratchDatabases()).isEmpty();
    }

    @Test
    void aFailedConcurrentIndexIsReportedAsBeforeWhenSampled() throws Exception {
        try (ShadowDatabase db = shadow.create(PG); Connection c = db.connect()) {
            Tracer t = new Tracer();
            t.replay(c, List.of("CREATE TABLE t (id int PRIMARY KEY, v int)", "INSERT INTO t VALUES (1, 1), (2, 1)"));
            StatementTrace s = t.trace(c, List.of("CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v)"), false,
                    db::connect).statements().get(0);
            assertThat(s.error().sqlState()).isEqualTo("23505");
            assertThat(s.invalidIndexes()).extracting(Relation::name).containsExactly("t_v");
            assertThat(s.locksSampled()).isFalse();
        }
    }

    @Test
    void addColumnHoldsAccessExclusiveLockOnTheTable() throws Exception {
        for (boolean transactional : new boolean[] {true, false}) {
            ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY)", List.of("ALTER TABLE t ADD COLUMN c int"),
                    transactional);
            StatementTrace s = t.statements().get(0);
            assertThat(s.locks()).as("transactional=%s", transactional)
                    .contains(new LockHeld(new Relation("public", "t", Relation.Kind.TABLE, "t"),
                            "AccessExclusiveLock"));
            assertThat(s.acquired()).isEqualTo(s.locks());
        }
    }

    @Test
    void errorsCarrySqlStateMessageAndPosition() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY)", List.of("SELECT nope FROM t"), true);
        TraceError e = t.statements().get(0).error();
        assertThat(e.sqlState()).isEqualTo("42703");
        assertThat(e.message()).contains("nope");
        assertThat(e.position()).isEqualTo(8);
    }

    @Test
    void aFailureOnExistingRowsIsProbedForItsRewrite() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v varchar(50)); INSERT INTO t VALUES (1, repeat('x', 40))",
                List.of("ALTER TABLE t ALTER COLUMN v TYPE varchar(20)"), true);
        StatementTrace s = t.statements().get(0);
        assertThat(s.error().sqlState()).isEqualTo("22001");
        assertThat(s.rewritten()).extracting(Relation::name).contains("t");
    }

    @Test
    void aFailedConcurrentIndexIsLeftInvalidAndStopsTheScript() throws Exception {
        ScriptTrace t = trace("CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 1), (2, 1)",
                List.of("CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v)", "SELECT 1"), false);
        StatementTrace s = t.statements().get(0);
        assertThat(s.error().sqlState()).isEqualTo("23505");
        assertThat(s.invalidIndexes()).extracting(Relation::name).containsExactly("t_v");
        assertThat(t.statements().get(1).status()).isEqualTo(StatementTrace.Status.NOT_RUN);
    }

    @Test
    void firstKeywordSkipsComments() {
        assertThat(Tracer.firstKeyword("-- x\n/* y */ begin;")).isEqualTo("BEGIN");
    }

    @Test
    void nothingIsLeftBehind() throws Exception {
        trace("CREATE TABLE t (id int)", List.of("DROP TABLE t"), true);
        assertThat(shadow.scratchDatabases()).isEmpty();
    }
}
