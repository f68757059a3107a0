package dev.migrationagent.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Stands in for Maven's decrypter: a password {@code {encrypted}} decrypts to {@link #clearText}; a password
 * {@code {broken}} yields a problem of {@link #problemSeverity}, as a missing master password would.
 */
final class StubSettingsDecrypter implements SettingsDecrypter {
    private final String clearText;
    private final SettingsProblem.Severity problemSeverity;

    StubSettingsDecrypter(String clearText, SettingsProblem.Severity problemSeverity) {
        this.clearText = clearText;
        this.problemSeverity = problemSeverity;
    }

    @Override
    public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
        List<Server> servers = new ArrayList<>();
        List<SettingsProblem> problems = new ArrayList<>();
        for (Server server : request.getServers()) {
            Server copy = server.clone();
            if ("{encrypted}".equals(server.getPassword())) {
                copy.setPassword(clearText);
            } else if ("{broken}".equals(server.getPassword())) {
                problems.add(new DefaultSettingsProblem("Failed to decrypt password for server " + server.getId()
                        + ": master password not found", problemSeverity, "server: " + server.getId(), -1, -1,
                        null));
            }
            servers.add(copy);
        }
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return servers.isEmpty() ? null : servers.get(0);
            }

            @Override
            public List<Server> getServers() {
                return servers;
            }

            @Override
            public Proxy getProxy() {
                return null;
            }

            @Override
            public List<Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }
}
