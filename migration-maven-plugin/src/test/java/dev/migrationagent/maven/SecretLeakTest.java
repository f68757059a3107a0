package dev.migrationagent.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Secret;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;

/**
 * A password configured in the POM or in settings.xml must never reach a message, a log line or the request's
 * {@code toString}: Maven prints all three into CI logs that many people can read.
 */
class SecretLeakTest {
    private static final String SENTINEL = "S3ntinel-" + UUID.randomUUID();
    private static final String URL = "jdbc:postgresql://db:5432/orders";

    private final RecordingLog log = new RecordingLog();
    private final List<String> produced = new ArrayList<>();

    private CheckConfiguration config(String user, String password, String serverId) {
        CheckConfiguration.Databases databases = new CheckConfiguration.Databases(
                "jdbc:postgresql://scratch:5432/postgres?password=" + SENTINEL, "scratch", Secret.of(SENTINEL),
                URL, null, user, null, Secret.of(password), Secret.of(SENTINEL), serverId);
        return new CheckConfiguration(Path.of("/work/orders").toAbsolutePath(), List.of("classpath:db"), null, null,
                null, 17, null, 10_000, List.of(), Map.of(), databases, null);
    }

    private SettingsServers servers(String password) {
        Server server = new Server();
        server.setId("flyway-db");
        server.setUsername("ci");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return new SettingsServers(settings, new StubSettingsDecrypter(SENTINEL, SettingsProblem.Severity.ERROR), log);
    }

    /** Maps the request and a driver's auth failure (which, carelessly, quotes the password) as the Mojo would. */
    private void mapAndFailAuthentication(CheckConfiguration config, SettingsServers servers) {
        List<Secret> secrets = new ArrayList<>(config.databases().secrets());
        AnalysisRequest request = config.toRequest(servers, "validate");
        secrets.addAll(CheckConfiguration.secretsOf(request));
        produced.add(request.toString());
        produced.add(String.valueOf(request.target()));
        produced.add(String.valueOf(request.shadow()));
        new MavenLogListener(log).on(dev.migrationagent.api.Listener.Level.INFO, "Target: " + request.target());

        SQLException driver = new SQLException("FATAL: password authentication failed for user \"ci\"");
        DatabaseUnavailableException unavailable = new DatabaseUnavailableException(
                "Cannot connect to " + request.target() + ": password authentication failed for user ci"
                        + " (tried password " + SENTINEL + ")", driver);
        produced.add(MojoErrors.databaseUnavailable(unavailable, secrets).getMessage());
        produced.add(MojoErrors.map(new InvalidConfigurationException("password", SENTINEL, "rejected"), secrets)
                .getMessage());
        // what the core reports for SQLSTATE 28P01
        produced.add(MojoErrors.map(new InvalidConfigurationException("password", "********",
                "authentication failed for user ci on " + URL + "; check the password"), secrets).getMessage());
        produced.add(MojoErrors.map(new InvalidConfigurationException("url", URL + "?password=" + SENTINEL,
                "unreachable"), secrets).getMessage());
    }

    @Test
    void passwordFromThePom() {
        mapAndFailAuthentication(config("app", SENTINEL, "no-such-server"), servers("{encrypted}"));
        assertNoSentinel();
    }

    @Test
    void passwordFromSettingsXml() {
        mapAndFailAuthentication(config(null, null, "flyway-db"), servers("{encrypted}"));
        assertThat(log.lines).anyMatch(line -> line.contains("flyway-db"));
        assertNoSentinel();
    }

    @Test
    void credentialConflictAndDecryptionErrors() {
        Throwable conflict = catchThrowable(() -> config("app", SENTINEL, "flyway-db").toRequest(
                servers("{encrypted}"), null));
        Throwable broken = catchThrowable(() -> config(null, null, "flyway-db").toRequest(servers("{broken}"), null));
        for (Throwable t : List.of(conflict, broken)) {
            assertThat(t).isInstanceOf(InvalidConfigurationException.class);
            produced.add(t.getMessage());
            produced.add(MojoErrors.map((InvalidConfigurationException) t, List.of(Secret.of(SENTINEL))).getMessage());
        }
        assertNoSentinel();
    }

    private void assertNoSentinel() {
        List<String> all = new ArrayList<>(produced);
        all.addAll(log.lines);
        assertThat(all).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain(SENTINEL));
    }
}
