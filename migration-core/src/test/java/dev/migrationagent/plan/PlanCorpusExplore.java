package dev.migrationagent.plan;

import dev.migrationagent.corpus.CorpusCase;
import dev.migrationagent.corpus.CorpusRunner;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlanCorpusExplore {
    @Test
    void explore() throws Exception {
        Path corpus = Path.of("../../shared/corpus/pg");
        String only = System.getProperty("case", "");
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                CorpusCase c = CorpusCase.parse(f, Files.readString(f));
                if (c.expectSafe() || !c.name().contains(only)) {
                    continue;
                }
                Proof.Outcome o = CorpusRunner.plan(c, EmbeddedShadowProvider.shared(),
                        Map.of("accounts.region", "'unknown'"));
                System.out.println("== " + c.name() + " verified=" + o.verified() + " steps=" + o.plan().steps().size()
                        + " files=" + o.files());
                o.problems().forEach(p -> System.out.println("   ! " + p));
                if (!only.isEmpty()) {
                    for (Step st : o.plan().steps()) {
                        System.out.println("   -- " + st.description() + " [" + st.kind() + ", r" + st.release() + "]");
                        StepScript.forward(st).forEach(x -> System.out.println("      " + x.replace("\n", "\n      ")));
                        System.out.println("      undo: " + st.rollback());
                    }
                }
            }
        }
    }
}
