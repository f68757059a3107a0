package dev.migrationagent.cli;

import dev.migrationagent.api.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Implemented by subcommands that build core requests, so that a core configuration key
 * ({@code postgresVersion}) can be reported as the option the user typed ({@code --pg-version}).
 */
interface ConfigurationOptions {
    /** The options every database-using command spells the same way, by core configuration key. */
    Map<String, String> DATABASE_OPTIONS = Map.of(
            "postgresVersion", "--pg-version",
            "shadow", "--shadow",
            "target", "--url",
            "url", "--url",
            "user", "--user",
            "password", "--password-env");

    /** {@link #DATABASE_OPTIONS} plus a command's own options. */
    static Map<String, String> withDatabaseOptions(Map<String, String> own) {
        Map<String, String> all = new HashMap<>(DATABASE_OPTIONS);
        all.putAll(own);
        return Map.copyOf(all);
    }

    /** The CLI option for a core configuration key, if this command exposes one. */
    Optional<String> optionFor(String parameter);

    /** Passwords this command was given, to be masked in any message that might echo one. */
    default List<Secret> secrets() {
        return List.of();
    }
}
