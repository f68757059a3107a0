package dev.migrationagent.cli;

import dev.migrationagent.corpus.CorpusRunner;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "prints the misses and ends with 'recall=R precision=P fpr=F'; with --plan, also plans every case",
            "judged unsafe and ends with 'plans: verified=X of Y unsafe'."})
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of NNN-name.sql cases.")
    Path dir;

    @Parameters(index = "1", paramLabel = "OUT.jsonl", description = "Where to write one JSON line per case.")
    Path out;

    @Option(names = "--static", description = {"Use the static rules only. By default each case is also traced on an",
        "embedded PostgreSQL of its major version when one can start."})
    boolean staticOnly;

    @Option(names = "--plan", description = {"Also plan every case judged unsafe on an embedded PostgreSQL: its line",
        "gets \"plan\": {\"verified\", \"steps\", \"reason\"} and its plan files go to --plan-dir/<case>/."})
    boolean plan;

    @Option(names = "--plan-dir", paramLabel = "PLANS", description = {"Where --plan writes each case's plan",
        "(default: OUT's name without .jsonl, plus -plans, beside OUT)."})
    Path planDir;

    @Option(names = "--backfill", paramLabel = "TABLE.COLUMN=SQL", description = {"With --plan: the value for the",
        "existing rows of a new NOT NULL column without a default; repeat for several."})
    Map<String, String> backfill = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "DIR " + dir + ": not a directory");
        }
        PrintWriter log = spec.commandLine().getOut();
        EmbeddedShadowProvider shadow = staticOnly && !plan ? null : shadow(log);
        CorpusRunner.Planning planning = null;
        if (plan) {
            if (shadow == null) {
                throw new UsageException("--plan: plans are proven on an embedded PostgreSQL, and none can start "
                        + "here (see above)");
            }
            planning = new CorpusRunner.Planning(planDir != null ? planDir : defaultPlanDir(out), shadow, backfill);
        }
        CorpusRunner.run(dir, out, log, staticOnly ? null : shadow, planning);
        return ExitCodes.SAFE;
    }

    /** {@code corpus.jsonl} gets {@code corpus-plans/} beside it, so two runs with different outputs never mix. */
    static Path defaultPlanDir(Path out) {
        String name = out.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return out.toAbsolutePath().resolveSibling(name + "-plans");
    }

    // Traced needs server binaries; without any, say why once and fall back to the static rules.
    private static EmbeddedShadowProvider shadow(PrintWriter log) {
        EmbeddedShadowProvider p = EmbeddedShadowProvider.shared();
        List<Integer> majors = EmbeddedShadowProvider.installedMajors();
        if (majors.isEmpty()) {
            log.println("static analysis only: no embedded PostgreSQL binaries found ("
                    + EmbeddedShadowProvider.fetchHint(16) + ")");
            return null;
        }
        if (!p.available(majors.get(majors.size() - 1))) {
            log.println("static analysis only: embedded PostgreSQL " + majors.get(majors.size() - 1)
                    + " did not start");
            return null;
        }
        return p;
    }
}
