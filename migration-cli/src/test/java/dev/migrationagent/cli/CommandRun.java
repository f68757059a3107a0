package dev.migrationagent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

/**
 * What one in-process run of the command line returned and printed, as a user's shell or CI script sees it.
 *
 * @param exitCode the process exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code args} with the real environment variables. */
    static CommandRun of(String... args) {
        return of(System::getenv, args);
    }

    /** Runs {@code args} with the environment variables {@code environment} gives. */
    static CommandRun of(Function<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
