package dev.migrationagent.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar migration-agent-cli.jar <subcommand> ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Runs one command line in-process with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = newCommandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A fully configured command line: subcommands, exit codes and one-line error handling. */
    public static CommandLine newCommandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new MigrationAgentCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                // "--stats=" style options are case-sensitive; abbreviations would make scripts fragile
                .setAbbreviatedOptionsAllowed(false);
    }
}
