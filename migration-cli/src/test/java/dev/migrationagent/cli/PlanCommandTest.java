package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migration-agent plan} as a CI script runs it: a service's migration folder, a baseline, a plan folder. */
class PlanCommandTest {
    @TempDir
    Path project;

    private Path plan;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @BeforeEach
    void service() throws IOException {
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("V1__orders.sql"),
                "CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);\n");
        Files.writeString(db.resolve("V2__region.sql"), "ALTER TABLE orders ADD COLUMN region text NOT NULL;\n");
        Files.writeString(project.resolve("stats.json"), "{\"tables\":[{\"name\":\"orders\",\"rows\":50000000}]}");
        plan = project.resolve("plan");
    }

    /** The options of a plan of V2 on top of V1, followed by {@code more}. */
    private String[] plan(String... more) {
        return Stream.concat(Stream.of("plan", "--location", "filesystem:" + project.resolve("db"),
                "--baseline-version", "1", "--stats", project.resolve("stats.json").toString(), "--pg-version", "17",
                "--output-dir", plan.toString()), Stream.of(more)).toArray(String[]::new);
    }

    private static void assumeEmbeddedServer() {
        assumeTrue(EmbeddedShadowProvider.shared().available(17), "embedded PostgreSQL 17 cannot start here; skipped");
    }

    @Test
    void verifiedPlanExitsZeroWritesTheReleasesAndSaysWhatToDoNext() throws IOException {
        assumeEmbeddedServer();

        CommandRun run = run(plan("--backfill", "orders.region='eu'", "--batch-size", "500", "--batch-pause", "0"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SAFE);
        assertThat(run.out()).contains("V2__region.sql: verified, ", " in 2 releases", "Next steps:",
                "release-2 in later releases");
        try (Stream<Path> files = Files.list(plan.resolve("release-1"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.matches("V2_\\d+__fill_region_.*\\.sql\\.conf"))
                    .anyMatch(n -> n.matches("U2_\\d+__.*\\.sql"));
        }
        String batches = Files.readString(Files.list(plan.resolve("release-1"))
                .filter(p -> p.getFileName().toString().matches("V2_\\d+__fill_.*\\.sql")).findFirst().orElseThrow());
        assertThat(batches).contains("LIMIT 500", "region = 'eu'").doesNotContain("pg_sleep");
        assertThat(plan.resolve("release-2")).isDirectory();
        assertThat(plan.resolve("plan.md")).exists();
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void unverifiedPlanExitsOneWithTheReasonUnlessToldNotToFail() {
        assumeEmbeddedServer();

        CommandRun run = run(plan());
        CommandRun lenient = run(plan("--no-fail-on-unverified"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNSAFE);
        assertThat(run.out()).contains("V2__region.sql: NOT VERIFIED",
                "problem: line 1: no safe equivalent", "backfill orders.region=");
        assertThat(lenient.exitCode()).as(lenient.err()).isEqualTo(ExitCodes.SAFE);
        assertThat(plan.resolve("plan.md")).as("written even so").exists();
    }

    @Test
    void shadowNoneIsRefusedNamingTheOption() {
        CommandRun run = run(plan("--shadow", "none"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --shadow none: plan runs the migrations on a shadow")
                .doesNotContain("Exception");
        assertThat(plan).doesNotExist();
    }

    @Test
    void badPlanSettingsNameTheirOption() {
        CommandRun pause = run(plan("--batch-pause", "100"));
        CommandRun size = run(plan("--batch-size", "0"));
        CommandRun backfill = run(plan("--backfill", "region=1"));

        for (CommandRun r : List.of(pause, size, backfill)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(pause.err()).startsWith("error: --batch-pause 100: write a whole number with the unit ms, s or m");
        assertThat(size.err()).startsWith("error: --batch-size 0: must be between 1 and ");
        assertThat(backfill.err()).startsWith("error: --backfill region=1: write table.column=");
        assertThat(plan).doesNotExist();
    }

    @Test
    void migrationFilesAndLocationsAreExclusiveWithTheUsageHint() {
        CommandRun both = run("plan", "-m", "V2.sql", "--location", "filesystem:db");
        CommandRun neither = run("plan");
        CommandRun baselineWithFiles = run("analyze", "-m", "V2.sql", "--baseline-version", "1");

        for (CommandRun r : List.of(both, neither, baselineWithFiles)) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).hasSize(2);
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(both.err()).contains("--migration and --location cannot be combined");
        assertThat(neither.err()).contains("--migration").contains("migration-agent plan --help");
        assertThat(baselineWithFiles.err()).contains("--baseline-version");
    }

    @Test
    void helpListsThePlanOptionsAndExitCodes() {
        CommandRun help = run("plan", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--output-dir", "--batch-size", "--batch-pause", "--backfill", "--no-backup",
                "--no-fail-on-unverified", "--location", "--baseline-version", "Exit codes", "not verified");
    }
}
