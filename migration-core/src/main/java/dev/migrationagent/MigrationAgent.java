package dev.migrationagent;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.lock.Rates;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.datacheck.StatementCounts;
import dev.migrationagent.introspect.Introspection;
import dev.migrationagent.rule.BuiltInRules;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.script.ReviewSelector;
import dev.migrationagent.script.SchemaHistory;
import dev.migrationagent.script.ScriptLocator;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.MigrationAgentException;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.deploy.Deployer;
import dev.migrationagent.deploy.TargetAccess;
import dev.migrationagent.script.Version;
import java.sql.Connection;
import java.sql.SQLException;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.PlanRequest;
import dev.migrationagent.api.PlanResult;
import dev.migrationagent.api.Severity;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.plan.PlanWriter;
import dev.migrationagent.plan.Planner;
import dev.migrationagent.plan.Proof;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point for front ends (Maven plugin, CLI, any JVM tool).
 *
 * <p>It lives in the root package, not in {@code api}, so that {@code api} stays a leaf that every feature
 * package may use without forming a cycle.
 */
public final class MigrationAgent {
    private MigrationAgent() {}

    /**
     * Analyzes the migrations under review with the static rules and, when the request names a shadow, traces
     * them on a scratch database (dropped before this returns) so traced findings join the static ones. A target
     * is read, never written: its server major and table statistics feed the analysis, and the rows that violate
     * constraints the migrations add are counted there.
     *
     * @param request what to analyze
     * @param listener receives progress messages
     * @return the verdict; findings are values, never exceptions
     * @throws dev.migrationagent.api.MigrationAgentException when the input or configuration is unusable, or a
     *     database cannot be reached ({@link dev.migrationagent.api.DatabaseUnavailableException})
     */
    public static Analysis analyze(AnalysisRequest request, Listener listener) {
        return analyze(request, inputs(request, listener), listener);
    }

    /**
     * What an analysis reads before it judges: the scripts, those under review, the live target (or {@code null}),
     * the PostgreSQL major to judge for, table sizes, and the Flyway layout ({@code null} for explicit files).
     */
    private record Inputs(List<MigrationScript> all, List<MigrationScript> reviewed, Introspection live, int pg,
            TableStats stats, ShadowRun.Layout layout) {}

    private static Inputs inputs(AnalysisRequest request, Listener listener) {
        List<MigrationScript> all;
        List<MigrationScript> reviewed;
        Map<String, String> placeholders = ScriptLocator.withHistoryTable(request.placeholders(), request.table());
        if (!request.files().isEmpty()) {
            all = new ArrayList<>();
            for (Path f : request.files()) {
                Path file = request.baseDir().resolve(f);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(f, "no such file", null);
                }
                all.add(ScriptLocator.read(request.baseDir(), file, null, file.getFileName().toString(),
                        placeholders));
            }
            reviewed = all;
        } else {
            all = ScriptLocator.find(request.baseDir(), request.locations(), placeholders, listener);
            reviewed = ReviewSelector.select(all, request.scope(), request.baseDir(), listener);
        }
        Introspection live = request.target() == null ? null
                : TargetDatabase.introspect(request.target(), request.table(), listener);
        int pg = postgresVersion(request, live, listener);
        TableStats stats = request.statsFile() != null ? TableStats.read(request.baseDir().resolve(request.statsFile()))
                : live != null ? live.stats() : TableStats.none();
        ShadowRun.Layout layout = !request.files().isEmpty() ? null : new ShadowRun.Layout(request.locations().stream()
                .map(l -> ScriptLocator.resolve(request.baseDir(), l)).toList(), request.placeholders());
        return new Inputs(all, reviewed, live, pg, stats, layout);
    }

    private static Analysis analyze(AnalysisRequest request, Inputs in, Listener listener) {
        Map<String, ScriptTrace> traces = ShadowRun.trace(request.shadow(), request.target(), request.table(),
                in.layout(), in.live(), in.pg(), in.all(), in.reviewed(), listener);
        Map<String, List<StatementCounts>> violations = request.target() == null ? Map.of()
                : TargetDatabase.countViolations(request.target(), in.reviewed(), listener);
        listener.on(Listener.Level.INFO, "Analyzing " + in.reviewed().size() + " of " + in.all().size()
                + " migration(s) for PostgreSQL " + in.pg() + (traces.isEmpty() ? "" : ", " + traces.size()
                + " traced"));
        Rates rates = traces.isEmpty() ? Rates.PRIORS
                : ShadowRun.calibrate(request.shadow(), request.target(), in.pg(), listener);
        return Analyzer.analyze(in.all(), in.reviewed(), new Analyzer.Settings(in.pg(), in.stats(),
                request.smallTableRows(), request.rules(), traces, violations, rates), listener);
    }

    /**
     * Plans the migrations that the analysis of {@code request.analysis()} finds unsafe: each becomes a multi-step
     * plan of Flyway scripts with undo scripts, proven step by step on a shadow database ({@link Proof}), written
     * with a summary to the request's output directory. Scripts that are safe as written are left alone, and no
     * applied script is ever touched: the plan is new files beside them.
     *
     * @throws dev.migrationagent.api.MigrationAgentException when the input or configuration is unusable, the shadow
     *     is {@code none}, or a database cannot be reached
     */
    public static PlanResult plan(PlanRequest request, Listener listener) {
        AnalysisRequest a = request.analysis();
        Inputs in = inputs(a, listener);
        return plan(request, in, analyze(a, in, listener), listener);
    }

    // Plans the reviewed scripts that the analysis found unsafe and writes the plans.
    private static PlanResult plan(PlanRequest request, Inputs in, Analysis analysis, Listener listener) {
        AnalysisRequest a = request.analysis();
        Path directory = a.baseDir().resolve(request.outputDirectory());
        Set<String> unsafe = new HashSet<>();
        for (Finding f : analysis.activeFindings()) {
            if (f.severity() == Severity.ERROR) {
                unsafe.add(f.script());
            }
        }
        Set<MigrationScript> toPlan = Collections.newSetFromMap(new IdentityHashMap<>());
        in.reviewed().stream().filter(s -> unsafe.contains(s.path())).forEach(toPlan::add);
        // On the shadow, Flyway's table has the target's name in the default schema (see ShadowRun).
        List<Proof.Outcome> outcomes = toPlan.isEmpty() ? List.of() : ShadowRun.plan(a.shadow(), a.target(),
                a.table(), in.layout(), in.pg(), in.all(), in.reviewed(), toPlan,
                new Planner.Settings(in.pg(), request.batchSize(), request.batchPause(),
                        request.backfill(), request.backup()),
                new Proof.Context(List.of(), in.stats(), a.smallTableRows(), a.rules(), a.table().name()),
                listener);
        List<PlanResult.Script> scripts;
        try {
            scripts = PlanWriter.write(directory, outcomes, in.pg());
        } catch (IOException e) {
            throw new InvalidConfigurationException("outputDirectory", directory.toString(),
                    "cannot write the plan: " + e.getMessage());
        }
        return new PlanResult(directory, directory.resolve("plan.md"), analysis, scripts,
                PlanWriter.nextSteps(a.baseDir(), directory, scripts));
    }

    // A version the user chose wins; otherwise the target's, when it is one the rules know.
    private static int postgresVersion(AnalysisRequest request, Introspection live, Listener listener) {
        if (live == null || live.serverMajor() == request.postgresVersion()) {
            return request.postgresVersion();
        }
        if (request.postgresVersionExplicit()) {
            listener.on(Listener.Level.WARN, "The target runs PostgreSQL " + live.serverMajor() + " but postgresVersion="
                    + request.postgresVersion() + " was configured; analyzing for " + request.postgresVersion());
            return request.postgresVersion();
        }
        if (live.serverMajor() < AnalysisRequest.MIN_POSTGRES || live.serverMajor() > AnalysisRequest.MAX_POSTGRES) {
            listener.on(Listener.Level.WARN, "The target runs PostgreSQL " + live.serverMajor() + ", outside the "
                    + "supported " + AnalysisRequest.MIN_POSTGRES + ".." + AnalysisRequest.MAX_POSTGRES
                    + "; analyzing for " + request.postgresVersion());
            return request.postgresVersion();
        }
        return live.serverMajor();
    }

    /**
     * Stops the embedded shadow servers this JVM started. Call it when the host is about to unload Migration
     * Agent's classes (a build tool's plugin class loader); plain JVMs stop them on exit anyway.
     */
    public static void stopEmbeddedServers() {
        EmbeddedShadowProvider.shared().stopServers();
    }

    /** Every built-in rule, sorted by id. */
    public static List<RuleInfo> rules() {
        return BuiltInRules.all().stream().map(r -> r.descriptor().toInfo()).toList();
    }

    /**
     * Deploys the pending migrations to the request's target with guards (lock and statement timeouts, lock
     * retries with back-off, an overall budget, monitoring of blocked sessions), or plans them in a dry run. The
     * pending migrations are analyzed first, as {@link #analyze} would with the scope "everything after the
     * target's newest applied version"; an unsafe verdict is refused unless the request gives an override reason.
     * Failures are values: the result's incident says what failed, what stays applied and how to recover.
     *
     * @param request what to deploy and how
     * @param listener receives progress messages
     * @return what was applied, or what would be in a dry run
     * @throws dev.migrationagent.api.MigrationAgentException when the input or configuration is unusable, or the
     *     target cannot be reached
     */
    public static DeployResult deploy(DeployRequest request, Listener listener) {
        AnalysisRequest a = request.analysis();
        DatabaseConnection target = a.target();
        SchemaHistory history = TargetDatabase.history(target, a.table(), Listener.silent());
        Version newest = history == null ? null : history.newestAppliedVersion();
        ReviewScope scope = newest == null ? new ReviewScope.All() : new ReviewScope.AfterVersion(newest.text());
        List<RuleSetting> rules = new ArrayList<>(a.rules());
        // The deploy itself sets lock_timeout on every statement.
        rules.add(new RuleSetting("require-lock-timeout", null, false));
        AnalysisRequest pending = new AnalysisRequest(a.baseDir(), a.locations(), a.files(), scope,
                a.postgresVersion(), a.postgresVersionExplicit(), a.statsFile(), a.smallTableRows(), rules,
                a.placeholders(), a.shadow(), target, a.table());
        // The scripts the analysis read are the ones Flyway applies: read once, from the same locations.
        Inputs in = inputs(pending, listener);
        Analysis analysis = analyze(pending, in, listener);
        TargetAccess access = new TargetAccess() {
            @Override
            public Connection open(boolean readOnly) throws SQLException {
                return TargetDatabase.open(target, "target", readOnly);
            }

            @Override
            public MigrationAgentException failure(SQLException e) {
                return TargetDatabase.failure(target, "target", e);
            }

            @Override
            public String describe() {
                return target.toString();
            }
        };
        DeployResult result = Deployer.deploy(request, analysis, in.all(), in.layout().locations(), access,
                listener);
        if (result.outcome() != DeployResult.Outcome.DRY_RUN || analysis.safeToDeploy()
                || a.shadow() instanceof ShadowSetting.None) {
            return result;
        }
        // The dry run of an unsafe verdict also shows the safe way: the plan, proven on the shadow.
        Path directory = (request.incidentDirectory() != null ? request.incidentDirectory()
                : a.baseDir().resolve("target/migration-agent")).resolve("plan");
        try {
            return result.withPlan(plan(PlanRequest.of(pending, directory), in, analysis, listener));
        } catch (MigrationAgentException e) {
            listener.on(Listener.Level.WARN, "No plan for the dry run: " + e.getMessage());
            return result;
        }
    }
}
