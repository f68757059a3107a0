package dev.migrationagent.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationagent.api.Category;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus again, this time with every case traced on an embedded server of its major version. */
class CorpusTracedTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../shared/corpus/pg"));

    @Test
    void tracedAnalysisMeetsTheTargetsAndSeesEveryRewrite(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS.toAbsolutePath() + "; skipped");
        EmbeddedShadowProvider shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(16), "embedded PostgreSQL cannot start here; skipped");
        StringWriter log = new StringWriter();
        Path out = tmp.resolve("out.jsonl");
        CorpusRunner.Score score = CorpusRunner.run(CORPUS, out, new PrintWriter(log), shadow);
        String printed = log.toString();

        List<String> rewriteMisses = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            CorpusCase c = CorpusCase.parse(f, Files.readString(f));
            if (c.hazards().contains(Category.TABLE_REWRITE)
                    && !CorpusRunner.run(c, shadow).rules().contains("traced-table-rewrite")) {
                rewriteMisses.add(c.name());
            }
        }
        System.out.println(printed);
        System.out.println("table-rewrite cases without traced-table-rewrite: " + rewriteMisses);
        assertThat(printed).doesNotContain("STATIC ");
        assertThat(score.recall()).as(printed).isGreaterThanOrEqualTo(0.98);
        assertThat(score.falsePositiveRate()).as(printed).isLessThanOrEqualTo(0.03);
        assertThat(rewriteMisses).as("table-rewrite cases the tracer did not see rewrite").isEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = json.readTree(line);
            assertThat(n.has("case")).isTrue();
        }
    }
}
