package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the picocli command line in-process, as a user's shell or CI script would, and checks what they see. */
class MainTest {
    private static final String SAFE_SQL = """
            -- a new table with nothing that reads it yet
            CREATE TABLE audit_note (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                body text NOT NULL
            );
            """;

    private static final String UNSAFE_SQL = """
            ALTER TABLE users DROP COLUMN email;
            DROP TABLE orders;
            """;

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path write(String name, String sql) throws IOException {
        return Files.writeString(dir.resolve(name), sql);
    }

    private static void assertNoStackTrace(CommandRun run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void safeMigrationExitsZeroAndWritesJsonToOutput() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);
        Path report = dir.resolve("out/analysis.json");

        CommandRun run = run("analyze", "--migration", migration.toString(), "--output", report.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SAFE);
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("\"safe_to_deploy\"").contains("true");
        assertThat(run.out()).as("the report went to --output, not stdout").isEmpty();
        assertThat(run.err()).as("console summary on stderr").isNotBlank();
        assertNoStackTrace(run);
    }

    @Test
    void unsafeMigrationExitsOneAndStillWritesTheReport() throws IOException {
        Path migration = write("V2__drop.sql", UNSAFE_SQL);
        Path report = dir.resolve("analysis.json");

        CommandRun run = run("analyze", "--migration", migration.toString(), "--output", report.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNSAFE);
        assertThat(Files.readString(report)).contains("\"safe_to_deploy\"").contains("false");
        assertNoStackTrace(run);
    }

    @Test
    void severalMigrationsAreAnalyzedTogether() throws IOException {
        Path first = write("V1__audit.sql", SAFE_SQL);
        Path second = write("V2__drop.sql", UNSAFE_SQL);

        CommandRun run = run("analyze", "-m", first.toString(), "-m", second.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNSAFE);
        assertThat(run.out()).as("JSON report on stdout").contains("\"safe_to_deploy\"");
    }

    @Test
    void locationAndBaselineReviewOnlyThePendingMigrationsOnTopOfTheApplied() throws IOException {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n");
        Files.writeString(db.resolve("V2__index.sql"), "CREATE INDEX orders_note_idx ON orders (note);\n");
        String location = "filesystem:" + db;

        CommandRun pending = run("analyze", "--location", location, "--baseline-version", "1");
        CommandRun everything = run("analyze", "-m", db.resolve("V1__orders.sql").toString(), "-m",
                db.resolve("V2__index.sql").toString());

        assertThat(pending.exitCode()).as("orders exists before V2, so its index build blocks writes: " + pending.err())
                .isEqualTo(ExitCodes.UNSAFE);
        assertThat(pending.err()).contains("V2__index.sql:1:1", "require-concurrent-index");
        assertThat(everything.exitCode()).as("a table created in the same change is empty").isEqualTo(ExitCodes.SAFE);
    }

    @Test
    void markdownAndSarifFormatsAreWritten() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);

        CommandRun md = run("analyze", "--migration", migration.toString(), "--format", "md");
        CommandRun sarif = run("analyze", "--migration", migration.toString(), "--format", "sarif");

        assertThat(md.exitCode()).as(md.err()).isEqualTo(ExitCodes.SAFE);
        assertThat(md.out()).isNotBlank().doesNotStartWith("{");
        assertThat(sarif.exitCode()).as(sarif.err()).isEqualTo(ExitCodes.SAFE);
        assertThat(sarif.out()).contains("\"version\"").contains("2.1.0");
    }

    @Test
    void unwritableOutputNamesTheOption() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);

        CommandRun run = run("analyze", "--migration", migration.toString(), "--output", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("error: --output " + dir + ": cannot write");
        assertNoStackTrace(run);
    }

    @Test
    void unsupportedPostgresVersionNamesTheOption() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);

        CommandRun run = run("analyze", "--migration", migration.toString(), "--pg-version", "9");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: --pg-version 9: ").doesNotContain("postgresVersion");
        assertNoStackTrace(run);
    }

    @Test
    void negativeSmallTableRowsNamesTheOption() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);

        CommandRun run = run("analyze", "--migration", migration.toString(), "--small-table-rows", "-1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --small-table-rows -1: ");
        assertNoStackTrace(run);
    }

    @Test
    void missingMigrationFileIsNamed() {
        Path missing = dir.resolve("V9__nope.sql");

        CommandRun run = run("analyze", "--migration", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("error: --migration " + missing + ": no such file" + System.lineSeparator());
        assertNoStackTrace(run);
    }

    @Test
    void missingStatsFileIsNamed() throws IOException {
        Path migration = write("V1__audit.sql", SAFE_SQL);

        CommandRun run = run("analyze", "--migration", migration.toString(), "--stats", "nope.json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --stats nope.json: no such file");
        assertNoStackTrace(run);
    }

    @Test
    void directoryAsMigrationIsRejected() {
        CommandRun run = run("analyze", "--migration", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --migration " + dir + ": is a directory");
    }

    @Test
    void parameterErrorsGiveOneLinePlusUsageHint() {
        CommandRun noMigration = run("analyze");
        CommandRun badFormat = run("analyze", "--migration", "x.sql", "--format", "xml");
        CommandRun notANumber = run("analyze", "--migration", "x.sql", "--pg-version", "seventeen");

        for (CommandRun run : new CommandRun[] {noMigration, badFormat, notANumber}) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).hasSize(2);
            assertThat(run.err().lines().toList().get(1)).contains("migration-agent analyze --help");
            assertNoStackTrace(run);
        }
        assertThat(noMigration.err()).contains("--migration");
        assertThat(badFormat.err()).contains("--format").contains("'xml'");
        assertThat(notANumber.err()).contains("--pg-version");
    }

    @Test
    void unknownOrMissingSubcommandIsUsageError() {
        assertThat(run().exitCode()).isEqualTo(ExitCodes.USAGE);
        CommandRun bogus = run("bogus");
        assertThat(bogus.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bogus.err()).startsWith("error: ").contains("bogus");
    }

    @Test
    void helpAndVersionExitZero() {
        CommandRun help = run("analyze", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--migration").contains("--pg-version").contains("Exit codes");
        assertThat(run("--version").out()).startsWith("migration-agent ");
    }

    @Test
    void rulesListsOneRulePerLine() {
        CommandRun run = run("rules");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.split("\\s{2,}", 4)).hasSize(4));
        assertThat(run.out()).containsPattern("(?m)^[a-z0-9-]+\\s+[a-z-]+\\s+(ERROR|WARNING|INFO)\\s+\\S");
    }
}
