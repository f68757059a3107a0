package dev.migrationagent.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.Tracer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema reads between a script's statements, on a real embedded PostgreSQL 16. */
class ShadowValidatorTest {
    private static final int PG = 16;
    private static final String SCHEMA = """
            CREATE TABLE t (id integer PRIMARY KEY, c integer);
            CREATE TABLE side (id integer);
            CREATE FUNCTION widen_side() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                ALTER TABLE side ADD COLUMN IF NOT EXISTS seen_at timestamptz;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER t_widen AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION widen_side();
            """;
    // The session settings and transaction state as the last statement sees them.
    private static final String PROBE = "CREATE TABLE probe AS SELECT current_setting('search_path') AS search_path, "
            + "current_setting('statement_timeout') AS statement_timeout, current_setting('jit') AS jit, "
            + "(SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'side'::regclass) AS locks";
    private static EmbeddedShadowProvider shadow;

    @BeforeAll
    static void server() {
        shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(PG), "embedded PostgreSQL cannot start here; skipped");
    }

    private static List<ParsedStatement> statements(String sql) {
        return PostgresParser.parse(sql).statements();
    }

    private record Run(ScriptTrace trace, List<String> probe) {}

    /** Replays the schema on a fresh scratch database, then traces {@code migration}, validated or not. */
    private static Run run(String migration, boolean transactional, boolean validated) throws Exception {
        try (ShadowDatabase db = shadow.create(PG); Connection c = db.connect()) {
            Tracer tracer = new Tracer();
            tracer.replay(c, statements(SCHEMA).stream().map(ParsedStatement::text).toList());
            List<ParsedStatement> parsed = statements(migration + PROBE + ";\n");
            ScriptTrace trace;
            if (validated) {
                SchemaModel before = ShadowValidator.read(c);
                trace = ShadowValidator.traceScript(c, tracer, before, parsed, transactional, null,
                        HistoryTable.DEFAULT).trace();
            } else {
                trace = tracer.trace(c, parsed.stream().map(ParsedStatement::text).toList(), transactional);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM probe")) {
                rs.next();
                return new Run(trace, List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
    }

    private static List<String> schemaChanges(ScriptTrace t, int statement) {
        return t.statements().get(statement).validation().schemaChanges();
    }

    @Test
    void aColumnChangeGoesToTheStatementThatMadeItInsideTheTransaction() throws Exception {
        String migration = """
                ALTER TABLE t ADD COLUMN note text;
                INSERT INTO t (id, c) VALUES (1, 1);
                CREATE INDEX t_note_idx ON t (note);
                """;
        Run validated = run(migration, true, true);
        assertThat(schemaChanges(validated.trace(), 1)).singleElement()
                .satisfies(m -> assertThat(m).contains("column side.seen_at appeared"));
        assertThat(schemaChanges(validated.trace(), 0)).isEmpty();
        assertThat(schemaChanges(validated.trace(), 2)).isEmpty();
        assertThat(schemaChanges(validated.trace(), 3)).isEmpty();

        // Reading between statements changes neither what the statements see nor what the tracer records.
        Run plain = run(migration, true, false);
        assertThat(validated.probe()).isEqualTo(plain.probe());
        for (int i = 0; i < plain.trace().statements().size(); i++) {
            StatementTrace p = plain.trace().statements().get(i);
            StatementTrace v = validated.trace().statements().get(i);
            assertThat(v.status()).as("statement %d", i).isEqualTo(p.status());
            assertThat(v.locks()).as("locks of statement %d", i).containsExactlyInAnyOrderElementsOf(p.locks());
            assertThat(v.acquired()).as("locks taken by statement %d", i)
                    .containsExactlyInAnyOrderElementsOf(p.acquired());
        }
    }

    @Test
    void insideABlockTheScriptOpensItselfTheReadUsesASavepoint() throws Exception {
        String migration = """
                BEGIN;
                ALTER TABLE t ADD COLUMN note text;
                INSERT INTO t (id, c) VALUES (1, 1);
                COMMIT;
                """;
        Run validated = run(migration, false, true);
        assertThat(validated.trace().failure()).isNull();
        assertThat(schemaChanges(validated.trace(), 2)).singleElement()
                .satisfies(m -> assertThat(m).contains("column side.seen_at appeared"));
        assertThat(validated.probe()).isEqualTo(run(migration, false, false).probe());
    }
}
