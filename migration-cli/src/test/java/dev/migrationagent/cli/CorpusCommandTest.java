package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.shadow.EmbeddedShadowProvider;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCommandTest {
    /** A plain CREATE INDEX on a large table: unsafe, and planned as one CONCURRENTLY step. */
    private static final String INDEX_CASE = """
            -- case: index
            -- pg: 16
            -- rows: orders=50000000
            -- expect: unsafe
            -- hazards: blocking-lock
            -- @schema
            CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);
            -- @migration
            CREATE INDEX orders_created_at_idx ON orders (created_at);
            """;

    @TempDir
    Path dir;

    @Test
    void scoresACorpusWritesOneLinePerCaseAndReportsMisses() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("pg"));
        Files.writeString(cases.resolve("001-index.sql"), INDEX_CASE);
        Files.writeString(cases.resolve("002-labelled-wrongly.sql"), """
                -- case: labelled-wrongly
                -- pg: 16
                -- expect: unsafe
                -- hazards: blocking-lock
                -- @schema
                CREATE TABLE t (id bigint PRIMARY KEY);
                -- @migration
                ALTER TABLE t ADD COLUMN note text;
                """);
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "corpus",
                cases.toString(), dir.resolve("out.jsonl").toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).containsExactly(
                "{\"case\":\"index\",\"safe\":false,\"categories\":[\"blocking-lock\"]}",
                "{\"case\":\"labelled-wrongly\",\"safe\":true,\"categories\":[]}");
        assertThat(out.toString()).contains("MISS labelled-wrongly")
                .endsWith("recall=0.500 precision=1.000 fpr=0.000\n");
    }

    @Test
    void planModePlansTheUnsafeCasesBesideTheOutputAndSummarizes() throws Exception {
        assumeTrue(EmbeddedShadowProvider.shared().available(16), "embedded PostgreSQL 16 cannot start here; skipped");
        Path cases = Files.createDirectories(dir.resolve("pg"));
        Files.writeString(cases.resolve("001-index.sql"), INDEX_CASE);
        StringWriter out = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "corpus", "--static",
                "--plan", cases.toString(), dir.resolve("out.jsonl").toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).containsExactly(
                "{\"case\":\"index\",\"safe\":false,\"categories\":[\"blocking-lock\"],"
                        + "\"plan\":{\"verified\":true,\"steps\":1,\"reason\":\"\"}}");
        assertThat(dir.resolve("out-plans/index/plan.md")).exists();
        assertThat(out.toString()).endsWith("recall=1.000 precision=1.000 fpr=0.000\nplans: verified=1 of 1 unsafe\n");
    }

    @Test
    void plansGoBesideTheOutputByDefault() {
        assertThat(CorpusCommand.defaultPlanDir(Path.of("target/corpus.jsonl")))
                .isEqualTo(Path.of("target/corpus-plans").toAbsolutePath());
    }

    @Test
    void missingDirectoryIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "corpus", dir.resolve("none")
                .toString(), dir.resolve("o.jsonl").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("error: DIR ").doesNotContain("\tat ");
    }
}
