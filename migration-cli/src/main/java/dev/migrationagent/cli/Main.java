package dev.migrationagent.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar migration-agent-cli.jar <subcommand> ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Runs one command line in-process with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System::getenv, args);
    }

    /** {@link #run(PrintWriter, PrintWriter, String...)} with the environment variables {@code environment} gives. */
    static int run(PrintWriter out, PrintWriter err, Function<String, String> environment, String... args) {
        CommandLine cmd = newCommandLine(environment);
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
        return newCommandLine(System::getenv);
    }

    /** A command line whose subcommands read {@code --password-env} variables through {@code environment}. */
    static CommandLine newCommandLine(Function<String, String> environment) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ValidateCommand.class) {
                    return type.cast(new ValidateCommand(environment));
                }
                if (type == PlanCommand.class) {
                    return type.cast(new PlanCommand(environment));
                }
                if (type == AnalyzeCommand.class) {
                    return type.cast(new AnalyzeCommand(environment));
                }
                if (type == DeployCommand.class) {
                    return type.cast(new DeployCommand(environment));
                }
                return defaults.create(type);
            }
        };
        return new CommandLine(new MigrationAgentCommand(), factory)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                // "--stats=" style options are case-sensitive; abbreviations would make scripts fragile
                .setAbbreviatedOptionsAllowed(false);
    }
}
