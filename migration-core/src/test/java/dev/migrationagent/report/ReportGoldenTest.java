package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares each report with a reviewed golden file. After an intended change, regenerate with
 * {@code -Dgolden.update=true}, then read the diff before committing it.
 */
class ReportGoldenTest {
    private static final Path GOLDEN_SOURCES = Path.of("src/test/resources/golden");

    @Test
    void jsonMatchesGolden() throws IOException {
        assertMatchesGolden(ReportFormat.JSON);
    }

    @Test
    void markdownMatchesGolden() throws IOException {
        assertMatchesGolden(ReportFormat.MARKDOWN);
    }

    @Test
    void sarifMatchesGolden() throws IOException {
        assertMatchesGolden(ReportFormat.SARIF);
    }

    @Test
    void writeAllWritesEachFormatUnderItsFileNameInUtf8(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("target/migration-agent");
        var files = Reports.writeAll(SampleAnalysis.unsafe(), EnumSet.allOf(ReportFormat.class), dir);

        assertThat(files).containsExactly(dir.resolve("report.json"), dir.resolve("report.md"),
                dir.resolve("report.sarif"));
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(Files.readString(dir.resolve(format.fileName()), StandardCharsets.UTF_8))
                    .isEqualTo(golden(format));
        }
    }

    private static void assertMatchesGolden(ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        Reports.write(SampleAnalysis.unsafe(), format, out);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN_SOURCES.resolve(format.fileName()), out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).isEqualTo(golden(format));
    }

    private static String golden(ReportFormat format) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/golden/" + format.fileName())) {
            assertThat(in).as("golden file " + format.fileName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
