package dev.migrationagent.api;

/** Where a finding's facts come from. */
public enum Evidence {
    /** Derived from the SQL text, the schema model and table statistics. */
    INFERRED,
    /** Observed while running the statement on a shadow database. */
    TRACED,
    /** Counted, read-only, in the rows of the target database. */
    COUNTED
}
