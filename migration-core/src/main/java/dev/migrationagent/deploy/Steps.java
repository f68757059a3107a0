package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.DeployResult.Attempt;
import dev.migrationagent.api.DeployResult.Cause;
import dev.migrationagent.api.DeployResult.Outcome;
import dev.migrationagent.api.DeployResult.Step;
import dev.migrationagent.api.DeployResult.StepStatus;
import dev.migrationagent.api.Listener;
import dev.migrationagent.flyway.FlywaySettings;
import dev.migrationagent.sql.ParsedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** The apply loop of one deploy: each pending migration in turn, each with its retries, until done or failed. */
final class Steps {
    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(30);

    private final Deployer deployer;
    private final Connection control;
    private final Monitor monitor;
    private final GuardCallback guard;
    private final Supplier<FluentConfiguration> flyway;
    private final Listener listener;
    private final List<Step> done = new ArrayList<>();

    Steps(Deployer deployer, Connection control, Monitor monitor, GuardCallback guard,
            Supplier<FluentConfiguration> flyway) {
        this.deployer = deployer;
        this.control = control;
        this.monitor = monitor;
        this.guard = guard;
        this.flyway = flyway;
        this.listener = deployer.listener();
    }

    DeployResult apply(List<Deployer.Pending> pending) throws SQLException {
        LockRetries retries = LockRetries.scaledTo(deployer.guards().lockTimeout());
        for (int k = 0; k < pending.size(); k++) {
            Deployer.Pending p = pending.get(k);
            List<String> cleaned = new ArrayList<>();
            if (!p.transactional()) {
                // an earlier run may have been cut short (failed, or its deployer killed)
                cleaned.addAll(cleanUp(p, "Resuming " + p.name() + " after an earlier failed run"));
            }
            List<Attempt> attempts = new ArrayList<>();
            Deployer.Failure failure = null;
            for (int i = 0; ; i++) {
                LockRetries.Attempt a = retries.attempt(i);
                if (deployer.budgetLeft() <= 0) {
                    failure = new Deployer.Failure(Cause.BUDGET_EXHAUSTED, false, null, "the deploy budget of "
                            + deployer.guards().budget().toSeconds() + " s ran out before " + p.name() + " started");
                    break;
                }
                monitor.rearm();
                guard.arm(p.statements(), a.lockTimeout(), deployer.deadline());
                long t0 = System.nanoTime();
                listener.on(Listener.Level.INFO, "Applying " + p.name() + " (attempt " + (i + 1) + ", lock_timeout "
                        + a.lockTimeout().toMillis() + " ms, "
                        + (p.transactional() ? "one transaction" : "no transaction")
                        + ")");
                try {
                    MigrateResult r = flyway.get().target(p.version() == null ? "latest" : p.version())
                            .callbacks(guard).load().migrate();
                    attempts.add(Deployer.attempt(i + 1, a.lockTimeout(), t0, null, null, 0));
                    listener.on(Listener.Level.INFO, "Applied " + p.name() + " in "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms" + (r.migrationsExecuted == 0
                                    ? " (Flyway had nothing to run: already applied)" : ""));
                    done.add(new Step(p.name(), p.version(), p.transactional(), StepStatus.APPLIED,
                            deployer.guarded(p), attempts));
                    failure = null;
                    break;
                } catch (FlywayException e) {
                    failure = classify(e);
                    if (!p.transactional()) {
                        cleaned.addAll(cleanUp(p, "Cleaned up after " + p.name()));
                    }
                    LockRetries.Attempt nextAttempt = retries.attempt(i + 1);
                    long sleep = nextAttempt == null ? 0 : a.sleep().toMillis();
                    boolean again = failure.retryable() && nextAttempt != null
                            && deployer.budgetLeft() - sleep * 1_000_000 > 0;
                    attempts.add(Deployer.attempt(i + 1, a.lockTimeout(), t0, failure.sql(), failure.message(),
                            again ? sleep : 0));
                    if (!again) {
                        if (failure.retryable()) {
                            failure = nextAttempt == null
                                    ? new Deployer.Failure(Cause.LOCK_RETRIES_EXHAUSTED, false, failure.sql(),
                                            failure.message())
                                    : new Deployer.Failure(Cause.BUDGET_EXHAUSTED, false, failure.sql(),
                                            "locks not acquired in " + (i + 1) + " attempts within the "
                                            + deployer.guards().budget().toSeconds() + " s budget; last: "
                                            + failure.message());
                        }
                        break;
                    }
                    listener.on(Listener.Level.INFO, p.name() + ": " + failure.message() + "; retrying in "
                            + sleep + " ms");
                    sleep(sleep);
                }
            }
            if (failure != null) {
                return failed(pending, k, attempts, failure, cleaned);
            }
        }
        return deployer.result(Outcome.APPLIED, done, null);
    }

    // Drops the INVALID indexes and the failed history row a cut-short non-transactional script leaves.
    private List<String> cleanUp(Deployer.Pending p, String what) {
        List<String> cleaned = new ArrayList<>();
        try {
            for (String index : Cleanup.dropInvalidIndexes(control, Cleanup.concurrentIndexes(p.statements()),
                    CLEANUP_TIMEOUT)) {
                cleaned.add("invalid index " + index + " (left by the failed concurrent build)");
            }
            if (Cleanup.deleteFailedRow(control, deployer.historyTable(), p.version(),
                    p.info().getScript()) > 0) {
                cleaned.add("failed history row of " + p.name());
            }
        } catch (SQLException e) {
            listener.on(Listener.Level.WARN, "Cleanup after " + p.name() + " failed: " + Deployer.oneLine(
                    e.getMessage()));
        }
        if (!cleaned.isEmpty()) {
            listener.on(Listener.Level.INFO, what + "; cleaned up: " + String.join(", ", cleaned));
        }
        return cleaned;
    }

    private Deployer.Failure classify(FlywayException e) {
        SQLException sql = FlywaySettings.sqlCause(e);
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        // pgjdbc prefixes the server's severity; the SQLState already says it is an error
        String message = Deployer.oneLine(sql != null ? sql.getMessage() : FlywaySettings.reason(e))
                .replaceFirst("^ERROR: ", "");
        Monitor.Cancel cancel = monitor.cancel();
        if (cancel == Monitor.Cancel.BUDGET || (state.equals("57014") && deployer.budgetLeft() < 50_000_000L)) {
            return new Deployer.Failure(Cause.BUDGET_EXHAUSTED, false, sql, "the deploy budget of "
                    + deployer.guards().budget().toSeconds() + " s ran out: " + message);
        }
        if (cancel == Monitor.Cancel.BLOCKING) {
            String why = "blocked other sessions for more than " + deployer.guards().blockingThreshold().toMillis()
                    + " ms";
            return monitor.waitingOnLockAtCancel()
                    ? new Deployer.Failure(Cause.LOCK_RETRIES_EXHAUSTED, true, sql, "waited for a lock and " + why)
                    : new Deployer.Failure(Cause.BLOCKED_OTHERS, false, sql, why + ": " + message);
        }
        if (state.equals("55P03")) {
            return new Deployer.Failure(Cause.LOCK_RETRIES_EXHAUSTED, true, sql, message);
        }
        if (state.equals("57014")) {
            return new Deployer.Failure(Cause.STATEMENT_TIMEOUT, false, sql, message);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new Deployer.Failure(Cause.CONNECTION_LOST, false, sql, message);
        }
        if (sql == null || !guard.statementFailed()) {
            return new Deployer.Failure(sql == null ? Cause.FLYWAY_REFUSED : Cause.STATEMENT_FAILED, false, sql,
                    message);
        }
        return new Deployer.Failure(Cause.STATEMENT_FAILED, false, sql, message);
    }

    private DeployResult failed(List<Deployer.Pending> pending, int k, List<Attempt> attempts,
            Deployer.Failure failure, List<String> cleaned) {
        Deployer.Pending p = pending.get(k);
        ParsedStatement at = failure.cause() == Cause.FLYWAY_REFUSED ? null : guard.current();
        int failedIndex = at == null ? -1 : p.statements().indexOf(at);
        StepStatus status = p.transactional() || failedIndex <= 0 ? StepStatus.ROLLED_BACK
                : StepStatus.PARTIALLY_APPLIED;
        if (failure.cause() == Cause.FLYWAY_REFUSED
                || failure.cause() == Cause.BUDGET_EXHAUSTED && attempts.isEmpty()) {
            status = StepStatus.NOT_RUN;
        }
        List<Step> steps = new ArrayList<>(done);
        steps.add(new Step(p.name(), p.version(), p.transactional(), status, deployer.guarded(p), attempts));
        for (int j = k + 1; j < pending.size(); j++) {
            Deployer.Pending later = pending.get(j);
            steps.add(new Step(later.name(), later.version(), later.transactional(), StepStatus.NOT_RUN,
                    deployer.guarded(later), List.of()));
        }
        listener.on(Listener.Level.WARN, "Deploy failed at " + p.name() + (at == null ? "" : ":" + at.span().line())
                + ": " + failure.message());
        DeployResult.Incident incident = Recovery.incident(deployer, p, status, at, failedIndex, failure, done,
                Cleanup.history(control, deployer.historyTable()), monitor.blockedBy(), monitor.blocked(),
                cleaned);
        return deployer.result(Outcome.FAILED, steps, incident);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
