package dev.migrationagent.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Like {@code check}, but always traces the migrations on the {@code shadow} (embedded by default), so a
 * {@code <shadow>none</shadow>} is a configuration error rather than a silently weaker gate.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractCheckMojo {
    private final SettingsDecrypter decrypter;

    @Inject
    public ValidateMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        check("validate", decrypter, true);
    }
}
