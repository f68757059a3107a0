package dev.migrationagent.trace;

import java.sql.SQLException;
import java.util.Objects;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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

    /** The error of a failed statement, with the server's primary message and position when the driver has them. */
    public static TraceError of(SQLException e) {
        Integer position = null;
        String message = e.getMessage();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            position = m.getPosition() > 0 ? m.getPosition() : null;
            message = m.getMessage() != null ? m.getMessage() : message;
        }
        return new TraceError(e.getSQLState(), message == null ? e.getClass().getSimpleName() : message, position);
    }
}
