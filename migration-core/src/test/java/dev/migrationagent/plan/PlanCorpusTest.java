package dev.migrationagent.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.corpus.CorpusCase;
import dev.migrationagent.corpus.CorpusRunner;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.Relation;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import dev.migrationagent.trace.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every unsafe corpus case gets a plan. Those with a safe equivalent must be verified, and this test checks each
 * verified plan again on a fresh shadow, independently of the proof loop: no step rewrites an existing table, the
 * whole plan rolls back (newest step first) to the schema it started from, and then applies again. The cases without
 * a safe equivalent are listed with what the tool must say about them.
 */
class PlanCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../shared/corpus/pg"));

    /** The value a user would give for the new NOT NULL column of case 006. */
    private static final Map<String, String> BACKFILL = Map.of("accounts.region", "'unknown'");

    /** Cases with no safe equivalent, and a phrase the tool's reason must contain. */
    private static final Map<String, String> NO_SAFE_EQUIVALENT = new LinkedHashMap<>();

    static {
        // PostgreSQL 10 cannot commit inside a DO block, so a backfill cannot be batched in a migration.
        NO_SAFE_EQUIVALENT.put("add-column-constant-default-pg10", "needs PostgreSQL 11");
        NO_SAFE_EQUIVALENT.put("add-column-default-now-pg10", "needs PostgreSQL 11");
        NO_SAFE_EQUIVALENT.put("set-not-null-with-validated-check-pg11", "before PostgreSQL 12");
        // No online form exists.
        NO_SAFE_EQUIVALENT.put("add-column-generated-stored", "stored generated column");
        NO_SAFE_EQUIVALENT.put("add-column-generated-stored-pg11", "stored generated column");
        NO_SAFE_EQUIVALENT.put("enum-rename-value", "renaming an enum value");
        NO_SAFE_EQUIVALENT.put("truncate", "TRUNCATE");
        NO_SAFE_EQUIVALENT.put("cluster", "CLUSTER");
        NO_SAFE_EQUIVALENT.put("vacuum-full", "VACUUM FULL");
        NO_SAFE_EQUIVALENT.put("vacuum-full-in-transaction", "VACUUM FULL");
        // The rows already there violate what the migration adds: they need a cleanup first.
        NO_SAFE_EQUIVALENT.put("set-not-null", "violated by some row");
        NO_SAFE_EQUIVALENT.put("add-foreign-key", "violates foreign key constraint");
        NO_SAFE_EQUIVALENT.put("create-unique-index-concurrently", "could not create unique index");
        NO_SAFE_EQUIVALENT.put("enum-recreate-to-remove-value", "invalid input value for enum");
        // The migration fails as written, whatever the plan.
        NO_SAFE_EQUIVALENT.put("drop-table-with-dependent-view", "views depend on");
        NO_SAFE_EQUIVALENT.put("replace-view-dropping-column", "cannot drop columns from view");
        NO_SAFE_EQUIVALENT.put("drop-missing-column", "does not exist");
        NO_SAFE_EQUIVALENT.put("create-existing-table", "already exists");
        NO_SAFE_EQUIVALENT.put("syntax-error", "does not parse");
    }

    @Test
    void everyUnsafeCaseWithASafeEquivalentGetsAVerifiedPlanThatRoundTrips() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS.toAbsolutePath() + "; skipped");
        EmbeddedShadowProvider shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(16), "embedded PostgreSQL cannot start here; skipped");
        List<String> wrong = new ArrayList<>();
        int verified = 0;
        int unsafe = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            CorpusCase c = CorpusCase.parse(f, Files.readString(f));
            if (c.expectSafe()) {
                continue;
            }
            unsafe++;
            Proof.Outcome o = CorpusRunner.plan(c, shadow, BACKFILL);
            String expected = NO_SAFE_EQUIVALENT.get(c.name());
            if (expected == null) {
                if (!o.verified()) {
                    wrong.add(c.name() + ": not verified: " + o.problems());
                    continue;
                }
                verified++;
                String problem = recheck(c, o, shadow);
                if (problem != null) {
                    wrong.add(c.name() + ": " + problem);
                }
            } else if (o.verified()) {
                wrong.add(c.name() + ": verified, but listed as having no safe equivalent");
            } else if (o.problems().stream().noneMatch(p -> p.contains(expected))) {
                wrong.add(c.name() + ": expected a reason with \"" + expected + "\", got " + o.problems());
            }
        }
        System.out.println("plans: verified=" + verified + " of " + unsafe + " unsafe cases; "
                + NO_SAFE_EQUIVALENT.size() + " without a safe equivalent");
        assertThat(wrong).isEmpty();
        assertThat(verified + NO_SAFE_EQUIVALENT.size()).isEqualTo(unsafe);
    }

    /**
     * A script the planner rewrites may hold safe statements too: they pass through with a rollback derived from the
     * catalog, and the proof loop must accept them. The safe corpus cases exercise exactly those statements.
     */
    @Test
    void safeCasesPassThroughWithRollbacksThatRoundTrip() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS.toAbsolutePath() + "; skipped");
        EmbeddedShadowProvider shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(16), "embedded PostgreSQL cannot start here; skipped");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                CorpusCase c = CorpusCase.parse(f, Files.readString(f));
                if (c.expectSafe()) {
                    Proof.Outcome o = CorpusRunner.plan(c, shadow, Map.of());
                    if (!o.verified()) {
                        wrong.add(c.name() + ": " + o.problems());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // Applies the plan's scripts on a fresh shadow, rolls the reversible tail back and applies it again.
    private static String recheck(CorpusCase c, Proof.Outcome o, EmbeddedShadowProvider shadow) throws Exception {
        try (ShadowDatabase db = shadow.create(c.pg()); Connection conn = db.connect()) {
            Tracer tracer = new Tracer();
            tracer.replay(conn, PostgresParser.parse(c.schema()).statements().stream().map(ParsedStatement::text)
                    .toList());
            List<Step> steps = o.plan().steps();
            Snapshot start = Snapshot.read(conn, "flyway_schema_history");
            int firstReversible = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                ScriptTrace t = tracer.trace(conn, StepScript.forward(step), step.kind().transactional(), db::connect);
                if (t.failure() != null) {
                    return "step " + (i + 1) + " fails: " + t.failure().error().message();
                }
                for (StatementTrace st : t.statements()) {
                    // REINDEX CONCURRENTLY gives an index a new file by design; a table must never get one.
                    if (st.rewritten().stream().anyMatch(r -> r.kind() != Relation.Kind.INDEX)) {
                        return "step " + (i + 1) + " rewrites " + st.rewritten();
                    }
                }
                if (step.irreversible() != null) {
                    start = Snapshot.read(conn, "flyway_schema_history");
                    firstReversible = i + 1;
                }
            }
            for (int i = steps.size() - 1; i >= firstReversible; i--) {
                Step step = steps.get(i);
                if (!step.rollback().isEmpty()) {
                    ScriptTrace t = tracer.trace(conn, StepScript.rollback(step), step.rollbackTransactional(),
                            db::connect);
                    if (t.failure() != null) {
                        return "undo of step " + (i + 1) + " fails: " + t.failure().error().message();
                    }
                }
            }
            List<String> diff = start.diff(Snapshot.read(conn, "flyway_schema_history"));
            if (!diff.isEmpty()) {
                return "the whole rollback leaves differences: " + diff;
            }
            for (int i = firstReversible; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (tracer.trace(conn, StepScript.forward(step), step.kind().transactional(), db::connect)
                        .failure() != null) {
                    return "step " + (i + 1) + " fails when applied again";
                }
            }
            return null;
        }
    }
}
