package dev.migrationagent.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelled corpus is the yardstick; it lives beside the repository and is absent in a user's own clone. */
class CorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../shared/corpus/pg"));

    @Test
    void staticAnalysisMeetsTheRecallAndFalsePositiveTargets(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS.toAbsolutePath() + "; skipped");
        StringWriter log = new StringWriter();
        Path out = tmp.resolve("out.jsonl");
        CorpusRunner.Score score = CorpusRunner.run(CORPUS, out, new PrintWriter(log));
        String printed = log.toString();
        System.out.println(printed);
        assertThat(score.recall()).as(printed).isGreaterThanOrEqualTo(0.95);
        assertThat(score.falsePositiveRate()).as(printed).isLessThanOrEqualTo(0.05);
        assertThat(Files.readAllLines(out)).hasSize(score.cases()).allSatisfy(l -> assertThat(l)
                .startsWith("{\"case\":").contains("\"safe\":").contains("\"categories\":["));
        assertThat(printed.strip()).endsWith(score.line());
    }

    @Test
    void scoresCountUnsafeAsThePositiveClass() {
        CorpusRunner.Score s = new CorpusRunner.Score(10, 4, 1, 1, 4);
        assertThat(s.recall()).isEqualTo(0.8);
        assertThat(s.precision()).isEqualTo(0.8);
        assertThat(s.falsePositiveRate()).isEqualTo(0.2);
        assertThat(s.line()).isEqualTo("recall=0.800 precision=0.800 fpr=0.200");
    }
}
