package dev.migrationagent.cli;

/** A problem the user must fix, found by the CLI itself; its message is the whole error line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
