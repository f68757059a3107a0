package dev.migrationagent.rule;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Listener;
import dev.migrationagent.corpus.CorpusCase;
import dev.migrationagent.corpus.CorpusRunner;
import dev.migrationagent.datacheck.DataChecker;
import dev.migrationagent.datacheck.StatementCounts;
import dev.migrationagent.introspect.ScratchDatabase;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.shadow.ShadowProvider;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.Tracer;
import dev.migrationagent.validate.ShadowValidator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one rule case: a file in the corpus format whose migration marks each expected finding with a comment line
 * {@code -- expect: <rule-id>} directly above the statement (Error Prone's inline-marker style).
 */
public final class RuleHarness {
    /** A finding position: the rule and the migration line of the statement. */
    public record Hit(String rule, int line) implements Comparable<Hit> {
        @Override
        public int compareTo(Hit o) {
            int c = Integer.compare(line, o.line);
            return c != 0 ? c : rule.compareTo(o.rule);
        }
    }

    private RuleHarness() {}

    /** The analysis of a case's migration, reviewed after replaying its schema. */
    public static Analysis analyze(CorpusCase c) {
        MigrationScript schema = new MigrationScript(null, "schema.sql", null, "schema", c.schema(), true);
        MigrationScript migration = new MigrationScript(null, "migration.sql", null, c.name(), c.migration(),
                !c.nonTransactional());
        return Analyzer.analyze(List.of(schema, migration), List.of(migration),
                new Analyzer.Settings(c.pg(), TableStats.ofRows(c.rows()), 10_000, List.of()), Listener.silent());
    }

    /**
     * The analysis of a case traced on {@code shadow}: the schema is replayed on a scratch database of the case's
     * major and the migration traced there, so the traced rules see what the server did.
     */
    public static Analysis analyzeTraced(CorpusCase c, ShadowProvider shadow) {
        ScriptTrace trace;
        try (ShadowDatabase db = shadow.create(c.pg()); Connection conn = db.connect()) {
            Tracer tracer = new Tracer();
            tracer.replay(conn, texts(c.schema()));
            trace = ShadowValidator.trace(conn, tracer, c.migration(), !c.nonTransactional(),
                    CorpusRunner.target(c, shadow), db::connect);
        } catch (SQLException e) {
            throw new IllegalStateException("shadow failed for " + c.name() + ": " + e.getMessage(), e);
        }
        MigrationScript schema = new MigrationScript(null, "schema.sql", null, "schema", c.schema(), true);
        MigrationScript migration = new MigrationScript(null, "migration.sql", null, c.name(), c.migration(),
                !c.nonTransactional());
        return Analyzer.analyze(List.of(schema, migration), List.of(migration),
                new Analyzer.Settings(c.pg(), TableStats.ofRows(c.rows()), 10_000, List.of(),
                        Map.of("migration.sql", trace)), Listener.silent());
    }

    /**
     * The analysis of a case whose schema is loaded into a scratch database of the local PostgreSQL, which then
     * serves as the target of the data checks; empty when that server is unreachable (the caller skips).
     */
    public static java.util.Optional<Analysis> analyzeOnTarget(CorpusCase c) {
        Map<String, List<StatementCounts>> counts;
        try (ScratchDatabase db = ScratchDatabase.create()) {
            if (!db.available()) {
                return java.util.Optional.empty();
            }
            db.execute(c.schema());
            MigrationScript migration = new MigrationScript(null, "migration.sql", null, c.name(), c.migration(),
                    !c.nonTransactional());
            try (Connection conn = db.connect()) {
                counts = new DataChecker(DataChecker.DEFAULT_TIMEOUT, Listener.silent()).check(conn,
                        List.of(migration));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("target failed for " + c.name() + ": " + e.getMessage(), e);
        }
        MigrationScript schema = new MigrationScript(null, "schema.sql", null, "schema", c.schema(), true);
        MigrationScript migration = new MigrationScript(null, "migration.sql", null, c.name(), c.migration(),
                !c.nonTransactional());
        return java.util.Optional.of(Analyzer.analyze(List.of(schema, migration), List.of(migration),
                new Analyzer.Settings(c.pg(), TableStats.ofRows(c.rows()), 10_000, List.of(), Map.of(), counts),
                Listener.silent()));
    }

    private static List<String> texts(String sql) {
        return PostgresParser.parse(sql).statements().stream().map(ParsedStatement::text).toList();
    }

    /** Expected hits for {@code ruleId}: each {@code -- expect:} marker names the statement on the next code line. */
    public static Set<Hit> expected(CorpusCase c, String ruleId) {
        Set<Hit> out = new TreeSet<>();
        List<String> lines = c.migration().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.startsWith("-- expect:")) {
                continue;
            }
            int target = i + 1;
            while (target < lines.size() && (lines.get(target).isBlank() || lines.get(target).strip().startsWith("--"))) {
                target++;
            }
            for (String id : l.substring("-- expect:".length()).split(",")) {
                if (id.strip().equals(ruleId)) {
                    out.add(new Hit(ruleId, target + 1));
                }
            }
        }
        return out;
    }

    /** Actual hits of {@code ruleId} in the analysis (suppressed ones included). */
    public static Set<Hit> actual(Analysis a, String ruleId) {
        Set<Hit> out = new TreeSet<>();
        a.findings().stream().filter(f -> f.ruleId().equals(ruleId) && f.script().equals("migration.sql"))
                .forEach(f -> out.add(new Hit(ruleId, f.line())));
        return out;
    }

    /** Reads a case from the test resources. */
    public static CorpusCase load(Path file) {
        try {
            return CorpusCase.parse(file, java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
