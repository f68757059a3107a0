package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployResult.HistoryRow;
import dev.migrationagent.api.DeployResult.Incident;
import dev.migrationagent.api.DeployResult.Session;
import dev.migrationagent.api.DeployResult.Step;
import dev.migrationagent.api.DeployResult.StepStatus;
import dev.migrationagent.sql.ParsedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the incident of a failed deploy: the state the target was left in, told from what the deploy knows (the
 * steps it applied, the failing script's transaction mode, the history table read after the failure), and the
 * manual steps that recover and retry. It must stand on its own: an operator at 3 a.m. reads only this.
 */
final class Recovery {
    private Recovery() {}

    static Incident incident(Deployer deployer, Deployer.Pending p, StepStatus status, ParsedStatement at,
            int failedIndex, Deployer.Failure failure, List<Step> applied, List<HistoryRow> history,
            List<Session> blockedBy, List<Session> blocked, List<String> cleaned) {
        String table = deployer.historyTable();
        List<String> rolledBack = new ArrayList<>();
        List<String> stillApplied = new ArrayList<>();
        for (Step s : applied) {
            stillApplied.add(s.script() + ": applied by this deploy and recorded in " + table);
        }
        if (status == StepStatus.ROLLED_BACK) {
            rolledBack.add(p.name() + ": " + (p.transactional() ? "its transaction was rolled back; none of its "
                    + p.statements().size() + " statement(s) is applied" : "its first statement failed; nothing of it "
                    + "is applied") + ", and it is not in " + table);
        } else if (status == StepStatus.PARTIALLY_APPLIED) {
            for (int i = 0; i < failedIndex; i++) {
                ParsedStatement s = p.statements().get(i);
                stillApplied.add(p.name() + ":" + s.span().line() + ": " + Deployer.firstLine(s.text())
                        + " (ran outside a transaction before the failing statement)");
            }
            rolledBack.add(p.name() + ":" + at.span().line() + ": the failing statement had no effect that stays, "
                    + "and the script is not recorded in " + table);
        } else {
            rolledBack.add(p.name() + ": not started; nothing of it is applied");
        }
        for (String c : cleaned) {
            rolledBack.add("dropped " + c);
        }
        List<String> recovery = steps(deployer, p, status, at, failure, blockedBy, cleaned);
        return new Incident(failure.cause(), p.name(), at == null ? 0 : at.span().line(),
                at == null ? 0 : at.span().column(), at == null ? null : at.text(),
                failure.sql() == null ? null : failure.sql().getSQLState(), failure.message(), rolledBack,
                stillApplied, history, blockedBy, blocked, cleaned, recovery);
    }

    private static List<String> steps(Deployer deployer, Deployer.Pending p, StepStatus status, ParsedStatement at,
            Deployer.Failure failure, List<Session> blockedBy, List<String> cleaned) {
        String where = p.name() + (at == null ? "" : ":" + at.span().line());
        String table = deployer.historyTable();
        List<String> steps = new ArrayList<>();
        steps.add("Check the state: `SELECT installed_rank, version, script, success FROM " + table
                + " ORDER BY installed_rank;` (or `flyway info`) lists what is applied; " + p.name()
                + " must not be listed.");
        String pids = blockedBy.stream().map(s -> String.valueOf(s.pid())).collect(Collectors.joining(", "));
        switch (failure.cause()) {
            case LOCK_RETRIES_EXHAUSTED:
            case BUDGET_EXHAUSTED:
                steps.add("Find what holds the locks " + where + " needs: `SELECT pid, state, xact_start, "
                        + "left(query, 80) FROM pg_stat_activity WHERE " + (pids.isEmpty()
                                ? "xact_start < now() - interval '1 minute'" : "pid IN (" + pids + ")")
                        + ";`. Let long transactions finish (or end them with `SELECT pg_terminate_backend(pid)` "
                        + "if that is safe for their owner).");
                steps.add("Retry when the tables are quieter; if the step is slow rather than blocked, raise the "
                        + "budget (-Dmigration.budget or --budget, now " + deployer.guards().budget().toSeconds()
                        + " s).");
                break;
            case BLOCKED_OTHERS:
                steps.add("The statement at " + where + " held a lock that made other sessions wait more than "
                        + deployer.guards().blockingThreshold().toMillis() + " ms. Rewrite it as a non-blocking "
                        + "change (run `mvn migration:check` for the safe version), or schedule it for a quiet "
                        + "window with a higher -Dmigration.blockingThreshold (--blocking-threshold).");
                break;
            case STATEMENT_TIMEOUT:
                steps.add("The statement at " + where + " ran longer than its statement timeout. Make it cheaper "
                        + "(batch the data change, build indexes CONCURRENTLY) or raise the timeout of its kind.");
                break;
            case CONNECTION_LOST:
                steps.add("The migration's connection was lost (" + failure.message() + "). Check the server log "
                        + "for who terminated it or why the server restarted.");
                break;
            case FLYWAY_REFUSED:
                steps.add("Flyway refused to migrate: " + stripPeriod(failure.message())
                        + ". Run `flyway validate`; if a "
                        + "migration changed after it was applied, restore it; `flyway repair` only after checking.");
                break;
            default:
                steps.add("Fix the statement at " + where + ": " + stripPeriod(failure.message()) + "."
                        + (status == StepStatus.PARTIALLY_APPLIED ? "" : " The script was never recorded as applied, "
                                + "so editing it keeps the history's checksums valid."));
                break;
        }
        if (status == StepStatus.PARTIALLY_APPLIED) {
            steps.add("Statements of " + p.name() + " before line " + at.span().line() + " ran outside a transaction "
                    + "and stay applied: make them idempotent (IF NOT EXISTS / IF EXISTS) so the script can run "
                    + "again, or revert them by hand.");
        }
        if (!p.transactional() && cleaned.isEmpty() && status != StepStatus.NOT_RUN) {
            steps.add("A concurrent index build that was cut short leaves an INVALID index: "
                    + "`SELECT indexrelid::regclass"
                    + " FROM pg_index WHERE NOT indisvalid;` and drop it with DROP INDEX CONCURRENTLY (the next deploy "
                    + "does this for the script's named indexes).");
        }
        steps.add("Retry: run the deploy again (`mvn migration:deploy` or `migration-agent deploy`); it starts at "
                + p.name() + " and skips what is applied.");
        return steps;
    }

    private static String stripPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
