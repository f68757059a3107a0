package dev.migrationagent.analyze;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.datacheck.StatementCounts;
import dev.migrationagent.datacheck.ViolationCount;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.LockEstimate;
import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.ScriptInfo;
import dev.migrationagent.lock.Rates;
import dev.migrationagent.lock.LockModel;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleRegistry;
import dev.migrationagent.rule.TransactionState;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.TableSize;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.simulate.Problem;
import dev.migrationagent.simulate.Simulator;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Token;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.StatementTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the static analysis: replays applied migrations into the schema model, then walks each migration under
 * review statement by statement with the transaction structure Flyway will give it, predicting failures and running
 * every active rule.
 */
public final class Analyzer {
    private static final int MAX_STATEMENT_TEXT = 2000;

    /**
     * Settings of one analysis.
     *
     * @param postgresVersion target major version
     * @param stats table statistics
     * @param smallTableRows small-table threshold
     * @param rules per-rule settings
     * @param traces shadow traces of reviewed scripts by script path; empty for a static analysis
     * @param violations counts of target rows that violate what reviewed statements add, by script path; empty
     *     without a target
     */
    public record Settings(int postgresVersion, TableStats stats, long smallTableRows, List<RuleSetting> rules,
            Map<String, ScriptTrace> traces, Map<String, List<StatementCounts>> violations, Rates rates) {
        public Settings {
            rules = List.copyOf(rules);
            traces = Map.copyOf(traces);
            violations = Map.copyOf(violations);
            Objects.requireNonNull(rates, "rates");
        }

        /** Settings with the prior lock-duration rates. */
        public Settings(int postgresVersion, TableStats stats, long smallTableRows, List<RuleSetting> rules,
                Map<String, ScriptTrace> traces, Map<String, List<StatementCounts>> violations) {
            this(postgresVersion, stats, smallTableRows, rules, traces, violations, Rates.PRIORS);
        }

        /** Settings without data checks against a target. */
        public Settings(int postgresVersion, TableStats stats, long smallTableRows, List<RuleSetting> rules,
                Map<String, ScriptTrace> traces) {
            this(postgresVersion, stats, smallTableRows, rules, traces, Map.of());
        }

        /** Settings of a static analysis. */
        public Settings(int postgresVersion, TableStats stats, long smallTableRows, List<RuleSetting> rules) {
            this(postgresVersion, stats, smallTableRows, rules, Map.of());
        }
    }

    private final Settings settings;
    private final RuleRegistry registry = RuleRegistry.builtIn();
    private final List<RuleRegistry.ActiveRule> rules;
    private final List<Collector> collectors;
    private final SchemaModel model = new SchemaModel();
    // Tables, views and types created by the migrations under review: no client depends on them yet.
    private final Set<QualifiedName> newTables = new HashSet<>();
    private final Set<String> newColumns = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private int rollbackLevel = 1;
    private final List<LockEstimate> lockEstimates = new ArrayList<>();
    private double lockSeconds;
    private boolean unknownLockTime;

    private Analyzer(Settings settings) {
        this.settings = settings;
        this.rules = registry.configure(settings.rules());
        this.collectors = rules.stream().map(Collector::new).toList();
    }

    /**
     * Analyzes {@code reviewed} (a subset of {@code all}, same order) after replaying the other scripts.
     *
     * @throws dev.migrationagent.api.MigrationAgentException for malformed suppressions
     */
    public static Analysis analyze(List<MigrationScript> all, List<MigrationScript> reviewed, Settings settings,
            Listener listener) {
        Analyzer a = new Analyzer(settings);
        // Identity, not equals: a script's hash would hash its whole text.
        Set<MigrationScript> review = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        review.addAll(reviewed);
        List<ScriptInfo> infos = new ArrayList<>();
        for (MigrationScript s : all) {
            if (s.sql().contains("${") && java.util.regex.Pattern.compile("\\$\\{[^}\\n]+}").matcher(s.sql()).find()) {
                // Flyway would refuse to run without a value; names that hide behind one prove nothing about absence.
                listener.on(Listener.Level.WARN, s.path() + ": placeholder without a value; configure it (Maven "
                        + "<placeholders>) or the analysis treats it as an unknown name");
                a.model.markIncomplete();
            }
            try (StatementSource source = StatementSource.of(s.sql())) {
                // Flyway decides the transaction mode from all statements; read ahead only until it is decided.
                List<ParsedStatement> ahead = new ArrayList<>();
                Boolean transactional = s.executeInTransaction();
                while (transactional == null && source.hasNext()) {
                    ParsedStatement p = source.next();
                    ahead.add(p);
                    if (!flywayNonTransactional(p.statement(), settings.postgresVersion())) {
                        transactional = true;
                    }
                }
                boolean tx = transactional == null ? ahead.isEmpty() : transactional;
                Iterator<ParsedStatement> statements = concat(ahead.iterator(), source);
                int count = review.contains(s) ? a.review(s, source.header(), statements, tx)
                        : a.replay(s, statements, listener);
                infos.add(new ScriptInfo(s.path(), s.version() == null ? null : s.version().text(), s.description(),
                        tx, review.contains(s), count));
            }
        }
        return a.result(infos);
    }

    private static Iterator<ParsedStatement> concat(Iterator<ParsedStatement> first, Iterator<ParsedStatement> rest) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || rest.hasNext();
            }

            @Override
            public ParsedStatement next() {
                return first.hasNext() ? first.next() : rest.next();
            }
        };
    }

    /**
     * Whether Flyway runs the script in a transaction: its {@code .sql.conf} setting, else true unless every
     * statement is one Flyway's PostgreSQL parser runs outside a transaction (an empty script counts as
     * transactional). The shadow tracer must use the same answer as the analysis.
     */
    public static boolean transactional(MigrationScript s, int postgresVersion) {
        if (s.executeInTransaction() != null) {
            return s.executeInTransaction();
        }
        try (StatementSource source = StatementSource.of(s.sql())) {
            boolean any = false;
            while (source.hasNext()) {
                any = true;
                if (!flywayNonTransactional(source.next().statement(), postgresVersion)) {
                    return true;
                }
            }
            return !any;
        }
    }

    // Mirrors the statements Flyway's PostgreSQL parser detects; REINDEX ... CONCURRENTLY and DETACH ...
    // CONCURRENTLY are not among them, so those scripts need a .sql.conf.
    private static boolean flywayNonTransactional(Statement s, int postgresVersion) {
        return (s instanceof Statement.CreateIndex ci && ci.concurrently())
                || (s instanceof Statement.Drop d && d.concurrently())
                || s instanceof Statement.Vacuum
                || (s instanceof Statement.Reindex r && r.target() != ObjectKind.INDEX
                        && r.target() != ObjectKind.TABLE)
                || (s instanceof Statement.AlterType at && at.action() == Statement.AlterType.Action.ADD_VALUE
                        && postgresVersion < 12)
                || (s instanceof Statement.Opaque o && (o.keyword().equals("CREATE DATABASE")
                        || o.keyword().equals("DROP DATABASE") || o.keyword().equals("ALTER SYSTEM")));
    }

    private int replay(MigrationScript s, Iterator<ParsedStatement> statements, Listener listener) {
        int count = 0;
        while (statements.hasNext()) {
            ParsedStatement p = statements.next();
            count++;
            if (p.statement() instanceof Statement.Invalid inv) {
                listener.on(Listener.Level.WARN, s.path() + ":" + inv.line() + ":" + inv.column()
                        + ": applied migration not understood (" + inv.message() + "); the schema model may be "
                        + "incomplete");
            }
            model.apply(p.statement());
        }
        return count;
    }

    private int review(MigrationScript s, List<Token> header, Iterator<ParsedStatement> statements,
            boolean transactional) {
        Path file = s.file() == null ? Path.of(s.path()) : s.file();
        Map<String, String> fileSuppressions = Suppressions.read(header, file, registry, true);
        int count = 0;
        TransactionState tx = new TransactionState();
        boolean inTx = transactional;
        boolean lockTimeout = false;
        boolean localLockTimeout = false;
        ScriptTrace scriptTrace = settings.traces().get(s.path());
        List<StatementCounts> scriptCounts = settings.violations().getOrDefault(s.path(), List.of());
        while (statements.hasNext()) {
            ParsedStatement p = statements.next();
            StatementTrace trace = traceOf(scriptTrace, count, p);
            List<ViolationCount> violations = countsOf(scriptCounts, count, p);
            count++;
            Statement st = p.statement();
            if (!inTx) {
                tx = new TransactionState();
            }
            List<TableEffect> effects = LockModel.effects(st, model, settings.postgresVersion());
            final TransactionState current = tx;
            List<Problem> problems = Simulator.predict(st, model, new Simulator.Situation(settings.postgresVersion(),
                    inTx, current.addedLabels(), this::hasRows));
            RuleContext ctx = new RuleContext(p, model, settings.postgresVersion(), inTx, current, effects, problems,
                    settings.stats(), newTables, newColumns, settings.smallTableRows(), lockTimeout, trace, violations,
                    settings.rates());
            Map<String, String> suppressions = fileSuppressions;
            if (!p.comments().isEmpty()) {
                suppressions = new java.util.HashMap<>(fileSuppressions);
                suppressions.putAll(Suppressions.read(p.comments(), file, registry, false));
            }
            // A statement that fails takes no lock and changes no data: only the failure itself is reported.
            boolean fails = problems.stream().anyMatch(x -> x.kind() == Problem.Kind.FAILS);
            for (Collector c : collectors) {
                Category category = c.rule.rule().descriptor().category();
                if (!fails || category == Category.MIGRATION_ERROR || category == Category.TRANSACTION_HAZARD) {
                    c.at(s, p, suppressions);
                    c.rule.rule().check(ctx, c);
                }
            }
            rollbackLevel = Math.max(rollbackLevel, Verdict.rollbackLevel(st));
            if (!fails) {
                accumulateLockTime(s, p, ctx, effects);
                trackNewObjects(st);
                model.apply(st);
            }
            tx.after(st, effects, p.span().line());
            if (st instanceof Statement.SetVariable sv && sv.name().equals("lock_timeout")
                    && (inTx || !sv.local())) {
                // Outside a transaction block SET LOCAL has no effect at all, so it changes nothing here either.
                lockTimeout = !sv.value().strip().matches("(?i)0+(ms|s|min)?|default");
                localLockTimeout = lockTimeout && sv.local();
            } else if (st instanceof Statement.ResetVariable rv && (rv.name().equals("lock_timeout")
                    || rv.name().equals("all"))) {
                lockTimeout = false;
            } else if (st instanceof Statement.Transaction t && t.endsOrStarts()) {
                tx = new TransactionState();
                inTx = t.keyword().equals("BEGIN");
                // SET LOCAL lasts only until the transaction ends.
                lockTimeout &= !localLockTimeout || t.keyword().equals("BEGIN");
            }
        }
        return count;
    }

    // The tracer ran the same split of the same script; a text mismatch means it did not, so trust nothing.
    private static StatementTrace traceOf(ScriptTrace script, int index, ParsedStatement p) {
        if (script == null || index >= script.statements().size()) {
            return null;
        }
        StatementTrace t = script.statements().get(index);
        return t.sql().equals(p.text()) ? t : null;
    }

    // Keyed like traces: same position and same text, or nothing.
    private static List<ViolationCount> countsOf(List<StatementCounts> script, int index, ParsedStatement p) {
        for (StatementCounts c : script) {
            if (c.index() == index) {
                return c.sql().equals(p.text()) ? c.counts() : List.of();
            }
        }
        return List.of();
    }

    /** One reusable reporter per active rule, pointed at the current statement before each check. */
    private final class Collector implements Reporter {
        private final RuleRegistry.ActiveRule rule;
        private MigrationScript script;
        private ParsedStatement statement;
        private Map<String, String> suppressions;

        Collector(RuleRegistry.ActiveRule rule) {
            this.rule = rule;
        }

        void at(MigrationScript s, ParsedStatement p, Map<String, String> suppressed) {
            script = s;
            statement = p;
            suppressions = suppressed;
        }

        @Override
        public void report(String message, String fix, Double seconds) {
            String text = statement.text().strip();
            if (text.length() > MAX_STATEMENT_TEXT) {
                text = text.substring(0, MAX_STATEMENT_TEXT) + " …";
            }
            String id = rule.rule().descriptor().id();
            findings.add(new Finding(id, rule.rule().descriptor().category(), rule.severity(), script.path(),
                    statement.span().line(), statement.span().column(), text, message, fix, seconds,
                    rule.rule() instanceof dev.migrationagent.rule.TracedRule ? Evidence.TRACED
                            : rule.rule() instanceof dev.migrationagent.rule.TargetRule ? Evidence.COUNTED
                            : Evidence.INFERRED,
                    suppressions.get(id)));
        }
    }

    private boolean hasRows(QualifiedName table) {
        if (newTables.contains(SchemaModel.resolve(table))) {
            return false;
        }
        TableStats.Entry e = settings.stats().get(table);
        return (e != null && e.rows() > 0) || !model.knownRows(table).isEmpty();
    }

    private void accumulateLockTime(MigrationScript script, ParsedStatement p, RuleContext ctx,
            List<TableEffect> effects) {
        Double worst = null;
        TableEffect worstEffect = null;
        for (TableEffect e : effects) {
            TableSize size = ctx.size(e.table());
            if (!e.blocksTraffic() || !size.matters()) {
                continue;
            }
            Double sec = ctx.estimate(e.work(), size);
            if (worstEffect == null || (sec != null && (worst == null || sec > worst))) {
                worst = sec;
                worstEffect = e;
            }
        }
        if (worstEffect != null) {
            if (worst == null) {
                unknownLockTime = true;
            } else {
                lockSeconds += worst;
            }
            lockEstimates.add(new LockEstimate(script.path(), p.span().line(), p.span().column(), worst, false,
                    worstEffect.mode().sql() + " on " + worstEffect.table().display() + " ("
                    + ctx.size(worstEffect.table()).describe() + ") during " + worstEffect.work().description()
                    + "; blocks " + worstEffect.mode().blocks() + (settings.rates().calibrated()
                    ? "; rates measured on the shadow" : "; prior rates")));
        } else if (waitsForOthers(p.statement(), ctx)) {
            lockEstimates.add(new LockEstimate(script.path(), p.span().line(), p.span().column(), null, true,
                    "unbounded wait: CONCURRENTLY waits for every transaction that is older than it, in the whole "
                    + "database, before it can finish; it blocks no reads or writes meanwhile, but a long-running "
                    + "transaction anywhere makes it wait as long"));
        }
    }

    /** CONCURRENTLY forms trade blocking for waiting on every older transaction in the database. */
    private static boolean waitsForOthers(Statement s, RuleContext ctx) {
        return (s instanceof Statement.CreateIndex ci && ci.concurrently() && !ctx.isNew(ci.table()))
                || (s instanceof Statement.Drop d && d.concurrently())
                || (s instanceof Statement.Reindex r && r.concurrently())
                || (s instanceof Statement.AlterTable at && at.actions().stream().anyMatch(a ->
                        a instanceof AlterAction.DetachPartition dp && dp.concurrently()));
    }

    private void trackNewObjects(Statement st) {
        if (st instanceof Statement.CreateTable ct && model.table(ct.table()) == null) {
            newTables.add(SchemaModel.resolve(ct.table()));
        } else if (st instanceof Statement.CreateView cv && model.view(cv.view()) == null) {
            newTables.add(SchemaModel.resolve(cv.view()));
        } else if (st instanceof Statement.CreateType ct && !model.typeExists(ct.type())) {
            newTables.add(SchemaModel.resolve(ct.type()));
        } else if (st instanceof Statement.AlterTable at) {
            QualifiedName t = SchemaModel.resolve(at.table());
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn ac) {
                    ColumnDef c = ac.column();
                    newColumns.add(t + "." + c.name());
                } else if (a instanceof AlterAction.RenameTable rt && newTables.remove(t)) {
                    newTables.add(new QualifiedName(t.schema(), rt.to()));
                }
            }
        }
    }

    private Analysis result(List<ScriptInfo> scripts) {
        List<Finding> active = findings.stream().filter(f -> !f.suppressed()).toList();
        boolean safe = active.stream().noneMatch(f -> f.severity() == dev.migrationagent.api.Severity.ERROR);
        List<RuleInfo> infos = rules.stream().map(r -> r.rule().descriptor().toInfo()).toList();
        return new Analysis(safe, Verdict.breaking(active), Verdict.impact(active, lockSeconds, unknownLockTime),
                Math.round(lockSeconds * 10) / 10.0, Verdict.requiresDataMigration(active),
                Verdict.rollbackComplexity(rollbackLevel, active), Verdict.recommendedApproach(active, safe),
                findings, scripts, infos, settings.postgresVersion(), lockEstimates);
    }
}
