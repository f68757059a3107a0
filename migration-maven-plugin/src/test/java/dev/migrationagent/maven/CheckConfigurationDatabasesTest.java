package dev.migrationagent.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;

/** The shadow and target parameters: parsing, Flyway fallbacks and Flyway's settings.xml server rules. */
class CheckConfigurationDatabasesTest {
    private static final Path BASE = Path.of("/work/orders-service").toAbsolutePath();
    private static final String URL = "jdbc:postgresql://db:5432/orders";

    private static CheckConfiguration config(CheckConfiguration.Databases databases) {
        return new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, 17, null, 10_000, List.of(),
                Map.of(), databases, null);
    }

    private static CheckConfiguration.Databases shadow(String shadow) {
        return new CheckConfiguration.Databases(shadow, "scratch", Secret.of("pw"), null, null, null, null, null,
                null, "flyway-db");
    }

    private static CheckConfiguration.Databases target(String url, String flywayUrl, String user, String flywayUser,
            String password, String flywayPassword, String serverId) {
        return new CheckConfiguration.Databases("none", null, null, url, flywayUrl, user, flywayUser,
                Secret.of(password), Secret.of(flywayPassword), serverId);
    }

    /** settings.xml with one server whose password is {@code {encrypted}} or {@code {broken}}. */
    private static SettingsServers servers(String id, String user, String password, SettingsProblem.Severity problem) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return new SettingsServers(settings, new StubSettingsDecrypter("decrypted-secret", problem), new RecordingLog());
    }

    private static SettingsServers noServers() {
        return new SettingsServers(new Settings(), new StubSettingsDecrypter("x", SettingsProblem.Severity.ERROR),
                new RecordingLog());
    }

    @Test
    void shadowDefaultIsEmbeddedNoneIsStaticUrlIsAServer() {
        assertThat(config(shadow("embedded")).toRequest().shadow()).isEqualTo(new ShadowSetting.Embedded());
        assertThat(config(shadow("none")).toRequest().shadow()).isEqualTo(new ShadowSetting.None());
        ShadowSetting server = config(shadow("jdbc:postgresql://scratch:5432/postgres")).toRequest().shadow();
        assertThat(server).isInstanceOfSatisfying(ShadowSetting.Server.class, s -> {
            assertThat(s.server().url()).isEqualTo("jdbc:postgresql://scratch:5432/postgres");
            assertThat(s.server().user()).isEqualTo("scratch");
            assertThat(s.server().password().reveal()).isEqualTo("pw");
        });
    }

    @Test
    void badShadowNamesTheShadowElementAndProperty() {
        assertThatThrownBy(() -> config(shadow("mysql://x")).toRequest())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("shadow");
                    assertThat(MojoErrors.configuration(e).getMessage())
                            .contains("<shadow>", "-Dmigration.shadow", "mysql://x", "embedded");
                });
    }

    @Test
    void validateRejectsShadowNone() {
        assertThatThrownBy(() -> config(shadow("none")).toRequest(noServers(), "validate"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("shadow");
                    assertThat(MojoErrors.configuration(e).getMessage())
                            .contains("<shadow>", "-Dmigration.shadow", "migration:validate", "migration:check");
                });
        assertThat(config(shadow("embedded")).toRequest(noServers(), "validate").shadow())
                .isEqualTo(new ShadowSetting.Embedded());
    }

    @Test
    void noUrlMeansNoTargetEvenWithCredentials() {
        AnalysisRequest request = config(target(null, " ", "app", null, "pw", null, "flyway-db"))
                .toRequest(servers("flyway-db", "ci", "{encrypted}", null), null);
        assertThat(request.target()).isNull();
    }

    @Test
    void fallsBackToFlywayProperties() {
        DatabaseConnection target = config(target(null, URL, null, "flyway-user", null, "flyway-pw", "flyway-db"))
                .target(noServers());
        assertThat(target.url()).isEqualTo(URL);
        assertThat(target.user()).isEqualTo("flyway-user");
        assertThat(target.password().reveal()).isEqualTo("flyway-pw");
    }

    @Test
    void migrationParametersWinOverFlywayProperties() {
        DatabaseConnection target = config(target(URL, "jdbc:postgresql://other/db", "app", "flyway-user", "pw",
                "flyway-pw", "flyway-db")).target(noServers());
        assertThat(target).isEqualTo(new DatabaseConnection(URL, "app", target.password()));
        assertThat(target.password().reveal()).isEqualTo("pw");
    }

    @Test
    void serverSuppliesCredentialsWhenNoUserIsSet() {
        DatabaseConnection target = config(target(URL, null, null, null, null, null, "flyway-db"))
                .target(servers("flyway-db", "ci", "{encrypted}", null));
        assertThat(target.user()).isEqualTo("ci");
        assertThat(target.password().reveal()).isEqualTo("decrypted-secret");
    }

    @Test
    void serverIdSelectsTheServer() {
        SettingsServers servers = servers("prod-db", "ci", "{encrypted}", null);
        assertThat(config(target(URL, null, null, null, null, null, "flyway-db")).target(servers).user()).isNull();
        assertThat(config(target(URL, null, null, null, null, null, "prod-db")).target(servers).user())
                .isEqualTo("ci");
    }

    @Test
    void userAndAnExistingServerAreAmbiguous() {
        CheckConfiguration config = config(target(URL, null, null, "flyway-user", null, null, "flyway-db"));
        assertThatThrownBy(() -> config.target(servers("flyway-db", "ci", "{encrypted}", null)))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("user");
                    assertThat(MojoErrors.configuration(e).getMessage())
                            .contains("<user>", "-Dmigration.user", "settings.xml", "'flyway-db'", "<serverId>");
                });
    }

    @Test
    void userWithoutAServerIsFine() {
        assertThat(config(target(URL, null, "app", null, "pw", null, "flyway-db")).target(noServers()).user())
                .isEqualTo("app");
    }

    @Test
    void decryptionErrorNamesTheServer() {
        for (SettingsProblem.Severity severity : List.of(SettingsProblem.Severity.ERROR,
                SettingsProblem.Severity.FATAL)) {
            CheckConfiguration config = config(target(URL, null, null, null, null, null, "prod-db"));
            assertThatThrownBy(() -> config.target(servers("prod-db", "ci", "{broken}", severity)))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("serverId");
                        assertThat(MojoErrors.configuration(e).getMessage())
                                .contains("<serverId>", "-Dmigration.serverId", "'prod-db'", "master password");
                    });
        }
    }

    @Test
    void decryptionWarningDoesNotStopTheCheck() {
        DatabaseConnection target = config(target(URL, null, null, null, null, null, "prod-db"))
                .target(servers("prod-db", "ci", "{broken}", SettingsProblem.Severity.WARNING));
        assertThat(target.user()).isEqualTo("ci");
    }

    @Test
    void unsetPostgresVersionLeavesTheChoiceToTheCore() {
        CheckConfiguration unset = new CheckConfiguration(BASE, List.of("classpath:db"), null, null, null, null, null,
                10_000, List.of(), Map.of(), null, null);
        assertThat(unset.toRequest().postgresVersionExplicit()).isFalse();
        assertThat(config(shadow("none")).toRequest().postgresVersionExplicit()).isTrue();
    }
}
