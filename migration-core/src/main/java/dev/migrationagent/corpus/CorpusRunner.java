package dev.migrationagent.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.Severity;
import dev.migrationagent.plan.PlanWriter;
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
import java.util.Objects;
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

    /**
     * The plan mode of a corpus run: every case judged unsafe is also planned and its plan proven.
     *
     * @param directory where each planned case's files go, in a folder named after the case
     * @param shadow where the plans are proven
     * @param backfill values for new NOT NULL columns without a default, as {@link #plan} takes them
     */
    public record Planning(Path directory, ShadowProvider shadow, Map<String, String> backfill) {
        public Planning {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(shadow, "shadow");
            backfill = Map.copyOf(backfill);
        }
    }

    /**
     * What planning one case gave, as its JSON line carries it.
     *
     * @param verified whether the plan passed every check on the shadow
     * @param steps how many steps the plan has; 0 when it could not be made
     * @param reason the first problem; empty when verified
     */
    public record PlanLine(boolean verified, int steps, String reason) {}

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
    public static Proof.Outcome plan(CorpusCase c, ShadowProvider shadow, Map<String, String> backfill) {
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
                    TableStats.ofRows(c.rows()), 10_000, List.of(), HistoryTable.DEFAULT_NAME));
        } catch (SQLException e) {
            throw new ShadowException("case " + c.name() + ": the shadow failed: " + e.getMessage(), e);
        }
    }

    /**
     * Plans one case ({@link #plan(CorpusCase, ShadowProvider, Map)}) and writes its plan files to
     * {@code planning.directory()/<case>/}. A case whose schema does not run on the shadow gets an unverified line
     * saying so, like a plan that fails its proof: the corpus run goes on either way.
     */
    public static PlanLine plan(CorpusCase c, Planning planning) throws IOException {
        Proof.Outcome o;
        try {
            o = plan(c, planning.shadow(), planning.backfill());
        } catch (ShadowException e) {
            return new PlanLine(false, 0, oneLine("not planned: " + e.getMessage()));
        }
        PlanWriter.write(planning.directory().resolve(c.name()), List.of(o), c.pg());
        String reason = o.verified() ? "" : o.problems().isEmpty() ? "not verified" : o.problems().get(0);
        return new PlanLine(o.verified(), o.plan().steps().size(), oneLine(reason));
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

    // one JSON line, one log line: the reason must not break either
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
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
        return run(dir, out, log, shadow, null);
    }

    /**
     * Like {@link #run(Path, Path, PrintWriter, ShadowProvider)}; with {@code planning}, each case judged unsafe is
     * also planned ({@link #plan(CorpusCase, Planning)}), its line carries
     * {@code "plan": {"verified": ..., "steps": N, "reason": "..."}}, each unverified plan is logged, and the last
     * line printed is {@code plans: verified=X of Y unsafe}.
     */
    public static Score run(Path dir, Path out, PrintWriter log, ShadowProvider shadow, Planning planning)
            throws IOException {
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
        int planned = 0;
        int verified = 0;
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
                if (planning != null && !o.safe()) {
                    PlanLine p = plan(c, planning);
                    planned++;
                    verified += p.verified() ? 1 : 0;
                    if (!p.verified()) {
                        log.println("UNVERIFIED PLAN " + c.name() + ": " + p.reason());
                    }
                    ObjectNode plan = line.putObject("plan");
                    plan.put("verified", p.verified());
                    plan.put("steps", p.steps());
                    plan.put("reason", p.reason());
                }
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
        if (planning != null) {
            log.println("plans: verified=" + verified + " of " + planned + " unsafe");
        }
        log.flush();
        return score;
    }

    private static String ids(Set<Category> categories) {
        return categories.stream().map(Category::id).toList().toString();
    }
}
