package dev.migrationagent.cli;

/** The process exit codes of {@code migration-agent}; CI scripts depend on them, so they never change. */
public final class ExitCodes {
    private ExitCodes() {}

    /** The analysis ran and the migrations are safe to deploy (or the subcommand succeeded). */
    public static final int SAFE = 0;

    /**
     * The analysis ran and found at least one active error: not safe to deploy; for {@code plan}, a plan did not
     * pass its proof on the shadow.
     */
    public static final int UNSAFE = 1;

    /** Bad usage or input: an unknown option, a missing file, a value the core rejects. */
    public static final int USAGE = 2;

    /** A bug in Migration Agent itself; kept apart from 1 so a crash is never read as a verdict. */
    public static final int INTERNAL = 3;
}
