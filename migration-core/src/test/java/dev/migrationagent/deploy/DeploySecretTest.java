package dev.migrationagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrationagent.MigrationAgent;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.DeployResult;
import dev.migrationagent.api.Secret;
import dev.migrationagent.report.DeployReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sentinel password, given both as the password and as a URL parameter, appears in no log line, report, incident
 * file or error message of a deploy, whether it applies, fails, is refused, dry-runs or cannot connect.
 */
class DeploySecretTest {
    private static final String SENTINEL = "S3ntinel-Pa55-xyzzy-4711";

    @TempDir
    Path dir;

    @Test
    void credentialsNeverAppearInLogsReportsOrIncidents() throws Exception {
        List<String> out = new ArrayList<>();
        try (Scenario plain = Scenario.on(Scenario.Server.EMBEDDED, dir)) {
            // the embedded server trusts local connections, so any password is accepted: the sentinel travels the
            // whole path to the driver without the test needing a role
            Scenario s = plain.withUrl(plain.url + "?password=" + SENTINEL).as("postgres", SENTINEL);
            s.script("V1__accounts.sql", DeployerTest.V1);
            s.script("V2__bad.sql", "ALTER TABLE accounts ADD COLUMN flag boolean;\n"
                    + "INSERT INTO accounts (id, note) VALUES (1, 'duplicate');\n");
            DeployRequest request = s.request();
            List<DeployResult> results = new ArrayList<>();
            results.add(MigrationAgent.deploy(request.withDryRun(true), (l, m) -> out.add(m)));
            results.add(MigrationAgent.deploy(request, (l, m) -> out.add(m)));
            s.script("V2__bad.sql", "ALTER TABLE accounts DROP COLUMN note;\n");
            results.add(MigrationAgent.deploy(request, (l, m) -> out.add(m)));
            assertThat(results).extracting(DeployResult::outcome).containsExactly(DeployResult.Outcome.DRY_RUN,
                    DeployResult.Outcome.FAILED, DeployResult.Outcome.REFUSED);
            for (DeployResult r : results) {
                out.addAll(DeployReports.console(r));
                out.add(DeployReports.markdown(r));
                out.add(DeployReports.json(r));
                out.add(r.toString());
            }
            assertThat(Files.exists(dir.resolve("target/incident/incident.md"))).isTrue();
            try (Stream<Path> files = Files.walk(dir.resolve("target"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.add(Files.readString(f));
                }
            }
        }
        Throwable unreachable = catchThrowable(() -> MigrationAgent.deploy(DeployRequest.of(
                dev.migrationagent.api.AnalysisRequest.builder(dir).location("filesystem:db/migration")
                        .target(new DatabaseConnection("jdbc:postgresql://127.0.0.1:1/x?password=" + SENTINEL,
                                "postgres", Secret.of(SENTINEL))).build()), (l, m) -> out.add(m)));
        assertThat(unreachable).isNotNull();
        out.add(String.valueOf(unreachable.getMessage()));

        assertThat(out).isNotEmpty().noneSatisfy(text -> assertThat(text).contains(SENTINEL));
    }
}
