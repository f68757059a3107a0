package dev.migrationagent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code migration-agent} command; each subcommand is one class listed here. */
@Command(
        name = "migration-agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Judges Flyway/PostgreSQL schema migrations for deployment safety.",
        subcommands = {AnalyzeCommand.class, ValidateCommand.class, PlanCommand.class, DeployCommand.class,
            RulesCommand.class, CorpusCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:safe to deploy (or the subcommand succeeded)",
            "1:not safe to deploy (plan: a plan is not verified; deploy: refused or failed)",
            "2:bad usage or input, or a database that cannot be reached (deploy: or another deploy holds the target)",
            "3:internal error (please report it)"
        })
final class MigrationAgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // picocli routes this through the parameter-exception handler: one line plus the usage hint
        throw new ParameterException(spec.commandLine(),
                "missing subcommand: analyze, validate, plan, deploy, rules or corpus");
    }
}
