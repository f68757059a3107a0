package dev.migrationagent.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.Severity;
import dev.migrationagent.plan.Planner;
import dev.migrationagent.plan.Proof;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.shadow.ShadowException;
import dev.migrationagent.shadow.ShadowProvider;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.Tracer;
import dev.migrationagent.validate.ShadowValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs the analyzer over a corpus directory and scores it against the labels. */
public final class CorpusRunner {
    /** The verdict for one case. */
    public record Outcome(CorpusCase expected, boolean safe, Set<Category> categories, List<String> rules) {}

    /** Case-level scores: unsafe is the positive class. */
    public record Score(int cases, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double falsePositiveRate() {
            return falsePositives + trueNegatives == 0 ? 0 : (double) falsePositives / (falsePositives + trueNegatives);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1 : (double) a / b;
        }

        /** {@code recall=R precision=P fpr=F}. */
        public String line() {
            return String.format(Locale.ROOT, "recall=%.3f precision=%.3f fpr=%.3f", recall(), precision(),
                    falsePositiveRate());
        }
    }

    private CorpusRunner() {}

    /** Analyzes one case statically. */
    public static Outcome run(CorpusCase c) {
        return analyze(c, Map.of());
    }

    /**
     * Analyzes one case with tracing: a scratch database on a server of the case's major gets the schema, then the
     * migration runs there under the tracer and the traced rules judge what it did.
     *
     * @throws ShadowException when the shadow cannot be provided, or the case's schema does not run on it
     */
    public static Outcome run(CorpusCase c, ShadowProvider shadow) {
        ScriptTrace trace;
        try (ShadowDatabase db = shadow.create(c.pg()); Connection conn = db.connect()) {
            Tracer tracer = new Tracer();
            try {
                tracer.replay(conn, texts(c.schema()));
            } catch (SQLException e) {
                throw new ShadowException("case " + c.name() + ": the schema does not run on PostgreSQL " + c.pg()
                        + ": " + e.getMessage(), e);
            }
            trace = ShadowValidator.trace(conn, tracer, c.migration(), !c.nonTransactional(), target(c, shadow),
                    db::connect);
        } catch (SQLException e) {
            throw new ShadowException("case " + c.name() + ": the shadow failed: " + e.getMessage(), e);
        }
        return analyze(c, Map.of(migrationPath(c), trace));
    }

    /**
     * Plans the case's migration on a scratch database that holds the case's schema, and proves the plan there.
     *
     * @param backfill values for new NOT NULL columns without a default, as the user would give them
     * @throws ShadowException when the shadow cannot be provided, or the case's schema does not run on it
     */
    public static Proof.Outcome plan(CorpusCase c, ShadowProvider shadow, java.util.Map<String, String> backfill) {
        try (ShadowDatabase db = shadow.create(c.pg()); Connection conn = db.connect()) {
            try {
                new Tracer().replay(conn, texts(c.schema()));
            } catch (SQLException e) {
                throw new ShadowException("case " + c.name() + ": the schema does not run on PostgreSQL " + c.pg()
                        + ": " + e.getMessage(), e);
            }
            MigrationScript schema = new MigrationScript(null, "schema.sql", null, "schema", c.schema(), true);
            MigrationScript migration = new MigrationScript(null, migrationPath(c), null, c.name(), c.migration(),
                    !c.nonTransactional());
            Planner.Settings defaults = Planner.Settings.defaults(c.pg());
            Planner.Settings settings = new Planner.Settings(c.pg(), defaults.batchSize(), defaults.batchPause(),
                    backfill, defaults.backup());
            return Proof.run(conn, db::connect, migration, settings, new Proof.Context(List.of(schema),
                    TableStats.ofRows(c.rows()), 10_000, List.of(), "flyway_schema_history"));
        } catch (SQLException e) {
            throw new ShadowException("case " + c.name() + ": the shadow failed: " + e.getMessage(), e);
        }
    }

    /** The schema of the case's {@code @target} section, built on a scratch database of its own; null without one. */
    public static SchemaModel target(CorpusCase c, ShadowProvider shadow) throws SQLException {
        if (c.target().isBlank()) {
            return null;
        }
        try (ShadowDatabase db = shadow.create(c.pg()); Connection conn = db.connect()) {
            new Tracer().replay(conn, texts(c.target()));
            return ShadowValidator.read(conn);
        }
    }

    private static List<String> texts(String sql) {
        return PostgresParser.parse(sql).statements().stream().map(ParsedStatement::text).toList();
    }

    private static String migrationPath(CorpusCase c) {
        return c.name() + ".sql";
    }

    private static Outcome analyze(CorpusCase c, Map<String, ScriptTrace> traces) {
        MigrationScript schema = new MigrationScript(null, "schema.sql", null, "schema", c.schema(), true);
        MigrationScript migration = new MigrationScript(null, migrationPath(c), null, c.name(), c.migration(),
                !c.nonTransactional());
        Analysis a = Analyzer.analyze(List.of(schema, migration), List.of(migration), new Analyzer.Settings(c.pg(),
                TableStats.ofRows(c.rows()), 10_000, List.of(), traces), Listener.silent());
        Set<Category> categories = new TreeSet<>();
        Set<String> rules = new TreeSet<>();
        for (Finding f : a.activeFindings()) {
            if (f.severity() == Severity.ERROR) {
                categories.add(f.category());
                rules.add(f.ruleId());
            }
        }
        return new Outcome(c, a.safeToDeploy(), categories, List.copyOf(rules));
    }

    /**
     * Runs every {@code *.sql} case in {@code dir}, writes one JSON line per case to {@code out}, prints misses to
     * {@code log} and returns the score (also printed as the last line).
     */
    public static Score run(Path dir, Path out, PrintWriter log) throws IOException {
        return run(dir, out, log, null);
    }

    /**
     * Like {@link #run(Path, Path, PrintWriter)}, tracing each case on {@code shadow} when it is not {@code null}. A
     * case whose shadow run fails is analyzed statically, and the log says so.
     */
    public static Score run(Path dir, Path out, PrintWriter log, ShadowProvider shadow) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir, "cannot list corpus directory: " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> categoryNotes = new ArrayList<>();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path f : files) {
                CorpusCase c = CorpusCase.parse(f, Files.readString(f));
                Outcome o;
                if (shadow == null) {
                    o = run(c);
                } else {
                    try {
                        o = run(c, shadow);
                    } catch (ShadowException e) {
                        log.println("STATIC " + c.name() + ": not traced: " + e.getMessage());
                        o = run(c);
                    }
                }
                ObjectNode line = json.createObjectNode();
                line.put("case", c.name());
                line.put("safe", o.safe());
                ArrayNode cats = line.putArray("categories");
                o.categories().forEach(k -> cats.add(k.id()));
                w.write(json.writeValueAsString(line));
                w.write('\n');
                boolean unsafe = !o.safe();
                if (unsafe && !c.expectSafe()) {
                    tp++;
                    if (!o.categories().equals(c.hazards())) {
                        categoryNotes.add("categories " + c.name() + ": expected " + ids(c.hazards()) + ", got "
                                + ids(o.categories()));
                    }
                } else if (unsafe) {
                    fp++;
                    log.println("FALSE ALARM " + c.name() + ": labelled safe, flagged " + ids(o.categories())
                            + " by " + o.rules());
                } else if (!c.expectSafe()) {
                    fn++;
                    log.println("MISS " + c.name() + ": labelled unsafe " + ids(c.hazards()) + ", judged safe");
                } else {
                    tn++;
                }
            }
        }
        categoryNotes.forEach(log::println);
        Score score = new Score(files.size(), tp, fp, fn, tn);
        log.println(score.line());
        log.flush();
        return score;
    }

    private static String ids(Set<Category> categories) {
        return categories.stream().map(Category::id).toList().toString();
    }
}
