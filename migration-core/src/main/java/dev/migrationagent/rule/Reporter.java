package dev.migrationagent.rule;

/** Receives a rule's findings for the current statement. */
public interface Reporter {
    /**
     * Reports a hazard.
     *
     * @param message what is dangerous and why, on this version and table size
     * @param fix the safe alternative, usually with SQL
     * @param lockSeconds estimated seconds of blocking, or {@code null}
     */
    void report(String message, String fix, Double lockSeconds);

    /** Reports a hazard without a lock estimate. */
    default void report(String message, String fix) {
        report(message, fix, null);
    }
}
