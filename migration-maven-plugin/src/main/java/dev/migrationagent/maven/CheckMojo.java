package dev.migrationagent.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Judges the pending Flyway migrations for PostgreSQL, writes the reports and fails the build when a migration
 * is not safe to deploy as written; traces them on the {@code shadow} unless it is {@code none}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {
    private final SettingsDecrypter decrypter;

    @Inject
    public CheckMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        check("check", decrypter, false);
    }
}
