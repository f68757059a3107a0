package dev.migrationagent.simulate;

/**
 * A failure the statement will hit when it runs, predicted from the schema model.
 *
 * @param kind whether the statement fails outright or fails because of rows already in the table
 * @param sqlState the SQLSTATE PostgreSQL reports
 * @param message PostgreSQL-style message
 */
public record Problem(Kind kind, String sqlState, String message) {
    /** Kinds of predicted failure. */
    public enum Kind {
        /** Fails on this schema whatever the data (missing object, wrong transaction structure, syntax). */
        FAILS,
        /** Fails because rows that exist violate the change. */
        EXISTING_DATA
    }
}
