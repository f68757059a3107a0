package dev.migrationagent.trace;

import java.util.List;

/**
 * The trace of one migration script.
 *
 * @param serverMajor the shadow server's major version
 * @param transactional whether the script ran as one transaction
 * @param statements one trace per statement, in script order
 */
public record ScriptTrace(int serverMajor, boolean transactional, List<StatementTrace> statements) {
    public ScriptTrace {
        statements = List.copyOf(statements);
    }

    /** The first failed statement, or {@code null}. */
    public StatementTrace failure() {
        return statements.stream().filter(s -> s.status() == StatementTrace.Status.FAILED).findFirst().orElse(null);
    }
}
