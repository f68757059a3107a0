package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
                "--lock-timeout", "200ms", "--override-reason", "reviewed by DBA", "--shadow", "none");
        DeployRequest request = command.request();
        assertThat(request.dryRun()).isTrue();
        assertThat(request.overrideReason()).isEqualTo("reviewed by DBA");
        assertThat(request.guards().budget()).isEqualTo(Duration.ofSeconds(45));
        assertThat(request.guards().lockTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(request.analysis().locations()).containsExactly("db/migration");
        assertThat(request.analysis().target().password()).extracting(Secret::reveal).isEqualTo(SENTINEL);
        assertThat(request.toString()).doesNotContain(SENTINEL);
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
