package dev.migrationagent.shadow;

/** The shadow database could not be provided, used or cleaned up; the message says what to do. */
public final class ShadowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a cause. */
    public ShadowException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Without a cause. */
    public ShadowException(String message) {
        super(message);
    }
}
