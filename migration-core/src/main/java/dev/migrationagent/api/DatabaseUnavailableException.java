package dev.migrationagent.api;

/**
 * A database could not be reached or started (host down, embedded server failed): an infrastructure fault, not
 * a finding and not a configuration mistake. The message says which database and what to check.
 */
public final class DatabaseUnavailableException extends MigrationAgentException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
