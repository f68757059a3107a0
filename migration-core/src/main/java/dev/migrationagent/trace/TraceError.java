package dev.migrationagent.trace;

import java.util.Objects;

/**
 * The error a statement raised on the shadow.
 *
 * @param sqlState the five-character SQLSTATE
 * @param message the server's primary message
 * @param position 1-based character position in the statement text, or {@code null}
 */
public record TraceError(String sqlState, String message, Integer position) {
    public TraceError {
        Objects.requireNonNull(message, "message");
        sqlState = sqlState == null ? "" : sqlState;
    }

    /**
     * True for SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): errors raised by the
     * rows the statement met, which a database with other rows may not raise.
     */
    public boolean isDataError() {
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }
}
