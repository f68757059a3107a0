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
        List<MigrationScript> all;
        List<MigrationScript> reviewed;
        if (!request.files().isEmpty()) {
            all = new ArrayList<>();
            for (Path f : request.files()) {
                Path file = request.baseDir().resolve(f);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(f, "no such file", null);
                }
                all.add(ScriptLocator.read(request.baseDir(), file, null, file.getFileName().toString(),
                        request.placeholders()));
            }
            reviewed = all;
        } else {
            all = ScriptLocator.find(request.baseDir(), request.locations(), request.placeholders(), listener);
            reviewed = ReviewSelector.select(all, request.scope(), request.baseDir(), listener);
        }
        Introspection live = request.target() == null ? null : TargetDatabase.introspect(request.target(), listener);
        int pg = postgresVersion(request, live, listener);
        TableStats stats = request.statsFile() != null ? TableStats.read(request.baseDir().resolve(request.statsFile()))
                : live != null ? live.stats() : TableStats.none();
        ShadowRun.Layout layout = !request.files().isEmpty() ? null : new ShadowRun.Layout(request.locations().stream()
                .map(l -> ScriptLocator.resolve(request.baseDir(), l)).toList(), request.placeholders());
        Map<String, ScriptTrace> traces = ShadowRun.trace(request.shadow(), request.target(), layout, live, pg, all,
                reviewed, listener);
        Map<String, List<StatementCounts>> violations = request.target() == null ? Map.of()
                : TargetDatabase.countViolations(request.target(), reviewed, listener);
        listener.on(Listener.Level.INFO, "Analyzing " + reviewed.size() + " of " + all.size()
                + " migration(s) for PostgreSQL " + pg + (traces.isEmpty() ? "" : ", " + traces.size() + " traced"));
        Rates rates = traces.isEmpty() ? Rates.PRIORS
                : ShadowRun.calibrate(request.shadow(), request.target(), pg, listener);
        return Analyzer.analyze(all, reviewed, new Analyzer.Settings(pg, stats, request.smallTableRows(),
                request.rules(), traces, violations, rates), listener);
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
        Set<Version> applied = TargetDatabase.appliedVersions(target, request.historyTable(),
                Listener.silent());
        ReviewScope scope = applied == null || applied.isEmpty() ? new ReviewScope.All()
                : new ReviewScope.AfterVersion(java.util.Collections.max(applied).text());
        List<RuleSetting> rules = new ArrayList<>(a.rules());
        // The deploy itself sets lock_timeout on every statement.
        rules.add(new RuleSetting("require-lock-timeout", null, false));
        Analysis analysis = analyze(new AnalysisRequest(a.baseDir(), a.locations(), a.files(), scope,
                a.postgresVersion(), a.postgresVersionExplicit(), a.statsFile(), a.smallTableRows(), rules,
                a.placeholders(), a.shadow(), target), listener);
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
        return Deployer.deploy(request, analysis, access, listener);
    }
}
