package dev.migrationagent.api;

/**
 * Something the user must fix before the analysis can run (bad input or configuration), as opposed to a
 * finding. Each subtype carries the offending value so that front ends can name what to change.
 */
public abstract sealed class MigrationAgentException extends RuntimeException
        permits InvalidConfigurationException, InvalidInputException, DatabaseUnavailableException {

    protected MigrationAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
