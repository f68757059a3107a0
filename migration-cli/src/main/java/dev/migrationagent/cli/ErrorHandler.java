package dev.migrationagent.cli;

import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Secret;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one {@code error: ...} line on stderr and an exit code. Users of a CI gate read the
 * last lines of a log: a stack trace there hides the one thing they must change.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Set to any value to get stack traces of internal errors. */
    static final String DEBUG_ENV = "MIGRATION_AGENT_DEBUG";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + oneLine(ex.getMessage()));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        List<Secret> secrets = cmd.getCommand() instanceof ConfigurationOptions options ? options.secrets() : List.of();
        int code;
        if (ex instanceof UsageException || ex instanceof InvalidInputException) {
            // InvalidInputException messages already start with file[:line[:column]]
            err.println("error: " + mask(oneLine(ex.getMessage()), secrets));
            code = ExitCodes.USAGE;
        } else if (ex instanceof InvalidConfigurationException ice) {
            err.println("error: " + mask(describe(ice, cmd.getCommand()), secrets));
            code = ExitCodes.USAGE;
        } else if (ex instanceof DatabaseUnavailableException unavailable) {
            // The user's to fix (URL, network, a server to start), like bad input; not a bug to report (3).
            err.println("error: " + mask(oneLine(unavailable.getMessage()), secrets));
            code = ExitCodes.USAGE;
        } else {
            err.println("error: internal error, please report it: " + mask(oneLine(String.valueOf(ex)), secrets));
            if (System.getenv(DEBUG_ENV) != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set " + DEBUG_ENV + "=1 for details)");
            }
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }

    /** Names the CLI option instead of the core key when the command maps it: {@code --pg-version 9: ...}. */
    static String describe(InvalidConfigurationException ex, Object command) {
        String message = oneLine(ex.getMessage());
        if (command instanceof ConfigurationOptions options) {
            var option = options.optionFor(ex.parameter());
            if (option.isPresent()) {
                String corePrefix = ex.parameter() + "=" + ex.value() + ": ";
                String problem = message.startsWith(corePrefix) ? message.substring(corePrefix.length()) : message;
                String value = option.get().endsWith("-env") ? "" : " " + ex.value();
                return option.get() + value + ": " + problem;
            }
        }
        return message;
    }

    /** Replaces every configured secret: a driver may quote what it was given, and stderr ends up in CI logs. */
    static String mask(String message, List<Secret> secrets) {
        String masked = message;
        for (Secret secret : secrets) {
            if (secret != null && !secret.reveal().isEmpty()) {
                masked = masked.replace(secret.reveal(), "********");
            }
        }
        return masked;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
