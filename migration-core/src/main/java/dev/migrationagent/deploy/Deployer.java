package dev.migrationagent.deploy;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.DeployResult.Attempt;
import dev.migrationagent.api.DeployResult.Cause;
import dev.migrationagent.api.DeployResult.GuardedStatement;
import dev.migrationagent.api.DeployResult.Outcome;
import dev.migrationagent.api.DeployResult.Step;
import dev.migrationagent.api.DeployResult.StepStatus;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.Listener;
import dev.migrationagent.flyway.FlywaySettings;
import dev.migrationagent.report.DeployReports;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies the pending migrations to the target through Flyway, one migration at a time, under the guards of
 * {@link DeployGuards}: per-statement lock and statement timeouts ({@link GuardCallback}), lock-timeout retries
 * with back-off ({@link LockRetries}), an overall budget and a monitor that cancels the migration's statement when
 * it blocks others too long ({@link Monitor}), and cleanup of what a failed non-transactional script leaves
 * ({@link Cleanup}). History rows are Flyway's own, so {@code flyway info} shows what was applied.
 *
 * <p>Concurrent deploys serialize on a session advisory lock of their own, held for the whole deploy (Flyway's
 * lock is per migration, so two deployers would otherwise interleave migrations); the one that waited finds
 * nothing pending and ends {@link Outcome#UP_TO_DATE}.
 */
public final class Deployer {
    // "MAGDEPL" in ASCII, plus the history table's hash, like Flyway's own key ("Flyway" + the table's hash).
    private static final long LOCK_KEY_BASE = 0x4D41474445504CL;
    private static final Duration LOCK_POLL = Duration.ofMillis(250);

    private final DeployRequest request;
    private final Analysis analysis;
    private final List<MigrationScript> scripts;
    private final List<Path> locations;
    private final TargetAccess target;
    private final Listener listener;
    private final DeployGuards guards;
    private final long start = System.nanoTime();
    private final long deadline;

    private Deployer(DeployRequest request, Analysis analysis, List<MigrationScript> scripts, List<Path> locations,
            TargetAccess target, Listener listener) {
        this.request = request;
        this.analysis = analysis;
        this.scripts = List.copyOf(scripts);
        this.locations = List.copyOf(locations);
        this.target = target;
        this.listener = listener;
        this.guards = request.guards();
        this.deadline = start + guards.budget().toNanos();
    }

    /**
     * Deploys (or, for a dry run, plans) the pending migrations of {@code request}.
     *
     * @param analysis the analysis of the pending migrations; an unsafe one is refused unless the request gives an
     *     override reason
     * @param scripts every script of the request's locations, as the analysis read them
     * @param locations those locations as directories
     * @throws dev.migrationagent.api.MigrationAgentException when the target cannot be reached
     */
    public static DeployResult deploy(DeployRequest request, Analysis analysis, List<MigrationScript> scripts,
            List<Path> locations, TargetAccess target, Listener listener) {
        DeployResult result = new Deployer(request, analysis, scripts, locations, target, listener).run();
        if (result.incident() != null && request.incidentDirectory() != null) {
            try {
                for (Path written : DeployReports.writeIncident(result, request.incidentDirectory())) {
                    listener.on(Listener.Level.WARN, "Incident report: " + written);
                }
            } catch (IOException e) {
                listener.on(Listener.Level.WARN, "Could not write the incident report to "
                        + request.incidentDirectory() + ": " + e.getMessage());
            }
        }
        return result;
    }

    private DeployResult run() {
        AnalysisRequest ar = request.analysis();
        Supplier<FluentConfiguration> readOnly = () -> FlywaySettings.configure(TargetAccess.dataSource(target, true),
                locations, ar.placeholders(), ar.table());
        List<Pending> pending = pending(readOnly, scripts);
        boolean refused = !analysis.safeToDeploy() && request.overrideReason() == null;
        if (request.dryRun()) {
            listener.on(Listener.Level.INFO, "Dry run: " + pending.size() + " pending migration(s) on "
                    + target.describe() + "; nothing is written"
                    + (refused ? "; a deploy would be refused: the analysis says unsafe" : ""));
            return result(Outcome.DRY_RUN, steps(pending, StepStatus.WOULD_RUN), null);
        }
        if (pending.isEmpty()) {
            listener.on(Listener.Level.INFO, "Target " + target.describe() + " is up to date");
            return result(Outcome.UP_TO_DATE, List.of(), null);
        }
        if (refused) {
            listener.on(Listener.Level.WARN, "Deploy refused: the analysis says the migrations are not safe to deploy;"
                    + " fix the findings (the plan goal writes the safe version; a dry run shows it) or give an override"
                    + " reason");
            return result(Outcome.REFUSED, steps(pending, StepStatus.NOT_RUN), null);
        }
        if (!analysis.safeToDeploy()) {
            listener.on(Listener.Level.WARN, "Deploying despite an unsafe verdict; override reason: "
                    + request.overrideReason());
        }
        try (Connection control = target.open(false); Connection watch = target.open(false)) {
            int major = control.getMetaData().getDatabaseMajorVersion();
            long key = LOCK_KEY_BASE + historyTable().hashCode();
            if (!DeployLock.acquire(control, key, guards.deployLockWait(), LOCK_POLL, listener)) {
                listener.on(Listener.Level.WARN, "Another deploy held " + target.describe() + " for more than "
                        + guards.deployLockWait().toSeconds() + " s; nothing was applied");
                return result(Outcome.LOCKED_OUT, steps(pending, StepStatus.NOT_RUN), null);
            }
            try (Monitor monitor = new Monitor(watch, guards.monitorInterval(), guards.blockingThreshold(), deadline,
                    listener)) {
                // Another deploy may have applied some while this one waited.
                pending = pending(readOnly, scripts);
                if (pending.isEmpty()) {
                    listener.on(Listener.Level.INFO, "Target " + target.describe() + " is up to date");
                    return result(Outcome.UP_TO_DATE, List.of(), null);
                }
                Supplier<FluentConfiguration> writable = () -> FlywaySettings.configure(
                        TargetAccess.dataSource(target, false), locations, ar.placeholders(), ar.table())
                        .lockRetryCount((int) Math.max(1, guards.budget().toSeconds()));
                return new Steps(this, control, monitor, new GuardCallback(guards, monitor, major), writable)
                        .apply(pending);
            } finally {
                DeployLock.release(control, key);
            }
        } catch (SQLException e) {
            throw target.failure(e);
        }
    }

    /** A pending migration: Flyway's view and our parsed script. */
    record Pending(MigrationInfo info, MigrationScript script, boolean transactional,
            List<ParsedStatement> statements) {
        String name() {
            return script == null ? info.getScript() : script.path();
        }

        String version() {
            return info.getVersion() == null ? null : info.getVersion().getVersion();
        }
    }

    private List<Pending> pending(Supplier<FluentConfiguration> config, List<MigrationScript> scripts) {
        MigrationInfo[] infos;
        try {
            infos = config.get().load().info().pending();
        } catch (FlywayException e) {
            SQLException sql = FlywaySettings.sqlCause(e);
            if (sql != null) {
                throw target.failure(sql);
            }
            throw new DatabaseUnavailableException("Flyway cannot read the target " + target.describe() + ": "
                    + oneLine(FlywaySettings.reason(e)), e);
        }
        List<Pending> list = new ArrayList<>();
        for (MigrationInfo info : infos) {
            MigrationScript s = scripts.stream().filter(m -> matches(m, info)).findFirst().orElse(null);
            boolean tx = s == null || Analyzer.transactional(s, analysis.postgresVersion());
            list.add(new Pending(info, s, tx, s == null ? List.of() : GuardCallback.parse(s.sql())));
        }
        return list;
    }

    private static boolean matches(MigrationScript s, MigrationInfo info) {
        if (info.getVersion() != null) {
            return s.version() != null && s.version().text().equals(info.getVersion().getVersion());
        }
        return s.version() == null && (s.path().equals(info.getScript()) || s.path().endsWith("/" + info.getScript()));
    }

    /** The guards each statement of {@code p} runs under on its first attempt. */
    List<GuardedStatement> guarded(Pending p) {
        Duration first = LockRetries.scaledTo(guards.lockTimeout()).attempt(0).lockTimeout();
        List<GuardedStatement> list = new ArrayList<>();
        for (ParsedStatement s : p.statements()) {
            StepKind kind = StepKind.of(s.statement());
            GuardCallback.Timeouts t = GuardCallback.timeouts(kind, guards, first, guards.budget().toNanos());
            list.add(new GuardedStatement(s.span().line(), s.span().column(), kind.id(), firstLine(s.text()),
                    t.lockMillis(), t.statementMillis()));
        }
        return list;
    }

    private List<Step> steps(List<Pending> pending, StepStatus status) {
        return pending.stream().map(p -> new Step(p.name(), p.version(), p.transactional(), status, guarded(p),
                List.of())).toList();
    }

    DeployResult result(Outcome outcome, List<Step> steps, DeployResult.Incident incident) {
        return new DeployResult(outcome, analysis, request.overrideReason(), guards, target.describe(), steps,
                incident, (System.nanoTime() - start) / 1_000_000, null);
    }

    DeployRequest request() {
        return request;
    }

    /** Flyway's history table, as SQL: the one the analysis read, and Flyway's {@code table} for the deploy. */
    String historyTable() {
        HistoryTable t = request.analysis().table();
        return new QualifiedName(t.schema(), t.name()).toSql();
    }

    TargetAccess target() {
        return target;
    }

    Listener listener() {
        return listener;
    }

    DeployGuards guards() {
        return guards;
    }

    long deadline() {
        return deadline;
    }

    /** What is left of the budget, in nanoseconds (negative when over). */
    long budgetLeft() {
        return deadline - System.nanoTime();
    }

    static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip() + " ...";
    }

    static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Attempts as reported. */
    static Attempt attempt(int number, Duration lockTimeout, long startNanos, SQLException failure, String message,
            long sleepMillis) {
        return new Attempt(number, lockTimeout.toMillis(), (System.nanoTime() - startNanos) / 1_000_000,
                failure == null ? null : failure.getSQLState(), message, sleepMillis);
    }

    /** The cause a failure reports, and whether another attempt may follow. */
    record Failure(Cause cause, boolean retryable, SQLException sql, String message) {}
}
