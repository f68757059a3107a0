package dev.migrationagent.cli;

import dev.migrationagent.corpus.CorpusRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migration-agent corpus DIR OUT.jsonl}: scores the analyzer against a labelled corpus. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = {"Runs the analyzer over every labelled case in DIR, writes one JSON line per case to OUT,",
            "prints the misses and ends with 'recall=R precision=P fpr=F'."})
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of NNN-name.sql cases.")
    Path dir;

    @Parameters(index = "1", paramLabel = "OUT.jsonl", description = "Where to write one JSON line per case.")
    Path out;

    // Static rules are the only analysis this build has; the flag keeps scripts stable when tracing arrives.
    @Option(names = "--static", description = "Use the static rules only (the default until shadow tracing exists).")
    boolean staticOnly;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "DIR " + dir + ": not a directory");
        }
        CorpusRunner.run(dir, out, spec.commandLine().getOut());
        return ExitCodes.SAFE;
    }
}
