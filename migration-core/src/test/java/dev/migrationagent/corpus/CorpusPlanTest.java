package dev.migrationagent.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan mode of a corpus run: unsafe cases are planned, their plans written, and their lines say how it went. */
class CorpusPlanTest {
    @TempDir
    Path dir;

    /** A plain CREATE INDEX on a large table; a column type the server does not know breaks the case's schema. */
    private static String indexCase(String name, String createdAtType) {
        return """
                -- case: %s
                -- pg: 16
                -- rows: orders=50000000
                -- expect: unsafe
                -- hazards: blocking-lock
                -- @schema
                CREATE TABLE orders (id bigint PRIMARY KEY, created_at %s);
                -- @migration
                CREATE INDEX orders_created_at_idx ON orders (created_at);
                """.formatted(name, createdAtType);
    }

    @Test
    void plansEachUnsafeCaseWritesItsFilesAndSummarizes() throws Exception {
        EmbeddedShadowProvider shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(16), "embedded PostgreSQL 16 cannot start here; skipped");
        Path cases = Files.createDirectories(dir.resolve("pg"));
        Files.writeString(cases.resolve("001-index.sql"), indexCase("index", "timestamptz"));
        Files.writeString(cases.resolve("002-nullable.sql"), """
                -- case: nullable
                -- pg: 16
                -- rows: orders=50000000
                -- expect: safe
                -- @schema
                CREATE TABLE orders (id bigint PRIMARY KEY);
                -- @migration
                ALTER TABLE orders ADD COLUMN note text;
                """);
        Files.writeString(cases.resolve("003-broken-schema.sql"), indexCase("broken-schema", "no_such_type"));
        Path plans = dir.resolve("plans");
        StringWriter log = new StringWriter();

        CorpusRunner.run(cases, dir.resolve("out.jsonl"), new PrintWriter(log), null,
                new CorpusRunner.Planning(plans, shadow, Map.of()));

        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).satisfiesExactly(
                index -> assertThat(index).startsWith("{\"case\":\"index\",\"safe\":false,")
                        .endsWith(",\"plan\":{\"verified\":true,\"steps\":1,\"reason\":\"\"}}"),
                nullable -> assertThat(nullable).doesNotContain("\"plan\""),
                broken -> assertThat(broken).contains("\"plan\":{\"verified\":false,\"steps\":0,"
                        + "\"reason\":\"not planned: case broken-schema: the schema does not run"));
        Path release = plans.resolve("index/release-1");
        try (var files = Files.list(release)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .anyMatch(n -> n.startsWith("V") && n.endsWith(".sql"))
                    .anyMatch(n -> n.startsWith("U") && n.endsWith(".sql"))
                    .anyMatch(n -> n.endsWith(".sql.conf"));
        }
        assertThat(plans.resolve("index/plan.md")).exists();
        assertThat(plans.resolve("nullable")).doesNotExist();
        assertThat(log.toString()).contains("UNVERIFIED PLAN broken-schema: not planned: ")
                .endsWith("plans: verified=1 of 2 unsafe\n");
    }
}
