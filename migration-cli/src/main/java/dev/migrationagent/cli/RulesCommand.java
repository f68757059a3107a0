package dev.migrationagent.cli;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.RuleInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migration-agent rules}: one line per built-in rule, in columns that grep and cut can use. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Lists the built-in rules: id, category, default severity, summary.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<RuleInfo> rules = MigrationAgent.rules();
        int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        int categoryWidth = rules.stream().mapToInt(r -> r.category().id().length()).max().orElse(0);
        String line = "%-" + Math.max(idWidth, 1) + "s  %-" + Math.max(categoryWidth, 1) + "s  %-7s  %s%n";
        PrintWriter out = spec.commandLine().getOut();
        for (RuleInfo rule : rules) {
            out.printf(line, rule.id(), rule.category().id(), rule.defaultSeverity(), rule.summary());
        }
        out.flush();
        return ExitCodes.SAFE;
    }
}
