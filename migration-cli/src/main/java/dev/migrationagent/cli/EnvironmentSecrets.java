package dev.migrationagent.cli;

import dev.migrationagent.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Passwords read from environment variables (never from the command line, which shows up in process lists and
 * shell history), remembered so that the error handler can mask them.
 */
final class EnvironmentSecrets {
    private final Function<String, String> environment;
    private final List<Secret> read = new ArrayList<>();

    EnvironmentSecrets(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The secret in the environment variable {@code name}; an unset variable is a usage error, not a blank. */
    Secret fromEnv(String option, String name) {
        if (name == null) {
            return null;
        }
        String value = environment.apply(name);
        if (value == null) {
            throw new UsageException(option + " " + name + ": environment variable not set");
        }
        Secret secret = Secret.of(value);
        read.add(secret);
        return secret;
    }

    /** Every secret read so far. */
    List<Secret> all() {
        return List.copyOf(read);
    }
}
