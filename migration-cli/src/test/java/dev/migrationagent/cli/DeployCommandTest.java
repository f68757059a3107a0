package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of {@code deploy}, and what its errors name and never print. */
class DeployCommandTest {
    private static final String SENTINEL = "S3ntinel-" + UUID.randomUUID();
    private static final Map<String, String> ENV = Map.of("PGPASSWORD", SENTINEL);

    @Test
    void optionsBecomeTheDeployRequest() {
        DeployCommand command = new DeployCommand(ENV::get);
        new CommandLine(command).parseArgs("--url", "jdbc:postgresql://db:5432/shop", "--user", "app",
                "--password-env", "PGPASSWORD", "-l", "db/migration", "--dry-run", "--budget", "45s",
                "--lock-timeout", "200ms", "--override-reason", "reviewed by DBA", "--shadow", "none", "--table",
                "app.Schema_Version");
        DeployRequest request = command.deployRequest();
        assertThat(request.dryRun()).isTrue();
        assertThat(request.overrideReason()).isEqualTo("reviewed by DBA");
        assertThat(request.guards().budget()).isEqualTo(Duration.ofSeconds(45));
        assertThat(request.guards().lockTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(request.analysis().locations()).containsExactly("db/migration");
        // Flyway writes to the table the analysis reads
        assertThat(request.analysis().table()).isEqualTo(new HistoryTable("app", "Schema_Version"));
        assertThat(request.analysis().target().password()).extracting(Secret::reveal).isEqualTo(SENTINEL);
        assertThat(request.toString()).doesNotContain(SENTINEL);
    }

    @Test
    void withoutLocationOrShadowItDeploysFlywaysDefaultLocationTracedOnTheEmbeddedShadow() {
        DeployCommand command = new DeployCommand(ENV::get);
        new CommandLine(command).parseArgs("--url", "jdbc:postgresql://db:5432/shop");
        DeployRequest request = command.deployRequest();
        assertThat(request.analysis().locations()).containsExactly(AnalysisRequest.DEFAULT_LOCATION);
        assertThat(request.analysis().shadow()).isInstanceOf(ShadowSetting.Embedded.class);
    }

    @Test
    void optionsThatChooseFilesOrAReviewScopeAreUsageErrors() {
        // the deploy reviews exactly what the target has not applied yet, from Flyway locations
        for (String[] args : List.of(new String[] {"-m", "V1__a.sql"}, new String[] {"--baseline-version", "3"},
                new String[] {"--git-base", "origin/main"})) {
            CommandRun run = CommandRun.of(ENV::get, Stream.concat(Stream.of("deploy", "--url",
                    "jdbc:postgresql://127.0.0.1:1/shop"), Stream.of(args)).toArray(String[]::new));
            assertThat(run.exitCode()).as(args[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(args[0]).contains(args[0].equals("-m") ? "--migration" : args[0])
                    .doesNotContain("\tat ");
        }
        CommandRun noUrl = CommandRun.of(ENV::get, "deploy", "-l", "db/migration");
        assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noUrl.err()).contains("--url");
    }

    @Test
    void badDurationIsAUsageErrorNamingTheOption() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), ENV::get, "deploy", "--url",
                "jdbc:postgresql://127.0.0.1:1/shop", "--password-env", "PGPASSWORD", "--budget", "soon");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--budget", "not a duration").doesNotContain(SENTINEL)
                .doesNotContain("\tat ");
    }
}
