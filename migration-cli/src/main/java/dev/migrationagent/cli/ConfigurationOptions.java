package dev.migrationagent.cli;

import dev.migrationagent.api.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Implemented by subcommands that build core requests, so that a core configuration key
 * ({@code postgresVersion}) can be reported as the option the user typed ({@code --pg-version}).
 */
interface ConfigurationOptions {
    /** The CLI option for a core configuration key, if this command exposes one. */
    Optional<String> optionFor(String parameter);

    /** Passwords this command was given, to be masked in any message that might echo one. */
    default List<Secret> secrets() {
        return List.of();
    }
}
