package dev.migrationagent.maven;

import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Secret;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Credentials of settings.xml {@code <server>} entries, decrypted by Maven's {@link SettingsDecrypter}. */
final class SettingsServers implements CheckConfiguration.ServerCredentials {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Log log;

    SettingsServers(Settings settings, SettingsDecrypter decrypter, Log log) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.log = log;
    }

    @Override
    public Optional<CheckConfiguration.Credentials> lookup(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            // Warnings do not stop Maven either; only a password that could not be decrypted must stop the check.
            if (problem.getSeverity() == SettingsProblem.Severity.ERROR
                    || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
                throw new InvalidConfigurationException("serverId", serverId,
                        "cannot decrypt the password of settings.xml <server> '" + serverId + "': "
                                + problem.getMessage());
            }
        }
        Server decrypted = result.getServer();
        log.debug("Target database credentials: settings.xml <server> '" + serverId + "'");
        return Optional.of(new CheckConfiguration.Credentials(decrypted.getUsername(),
                Secret.of(decrypted.getPassword())));
    }
}
