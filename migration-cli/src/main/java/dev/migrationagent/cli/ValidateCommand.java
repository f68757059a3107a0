package dev.migrationagent.cli;

import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code migration-agent validate}: {@code analyze} with the traced run made mandatory, so a gate configured as
 * validate can never silently fall back to static rules.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Traces migration files on a shadow database (embedded by default) on top of the static rules"
                    + " and writes a report.",
            "The report goes to --output (or stdout); a short summary goes to stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:safe to deploy",
            "1:not safe to deploy",
            "2:bad usage or input (including --shadow none), or a database that cannot be reached",
            "3:internal error"
        })
final class ValidateCommand extends AnalyzeCommand {

    ValidateCommand() {
        super();
    }

    ValidateCommand(Function<String, String> environment) {
        super(environment);
    }

    @Override
    boolean requiresShadow() {
        return true;
    }
}
