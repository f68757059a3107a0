package dev.migrationagent.api;

/** Receives progress messages; front ends route them to their own log (Maven's, the console). */
@FunctionalInterface
public interface Listener {
    /** Level of a progress message. */
    enum Level { DEBUG, INFO, WARN }

    /** Called for each progress message. */
    void on(Level level, String message);

    /** A listener that drops everything. */
    static Listener silent() {
        return (level, message) -> {};
    }
}
