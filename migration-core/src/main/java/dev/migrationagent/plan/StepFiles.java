package dev.migrationagent.plan;

import dev.migrationagent.script.MigrationScript;
import java.util.Locale;

/**
 * Flyway file names of plan steps. Step {@code n} of the plan for {@code V5__x.sql} is version {@code 5.n}
 * ({@code V5_n__...}), which sorts after 5 and before 6, so the plan takes the original script's place; its undo
 * script has the same version with Flyway's {@code U} prefix.
 */
final class StepFiles {
    private static final int MAX_SLUG = 60;

    private StepFiles() {}

    /** {@code V5_2} for a script of version 5.2; {@code V1} for a script without a version. */
    static String versionPrefix(MigrationScript script) {
        return "V" + (script.version() == null ? "1" : script.version().text().replace('.', '_'));
    }

    /** The base name of step {@code n}: {@code V5_3__create_index_orders_created_at_idx_concurrently}. */
    static String name(String versionPrefix, int n, Step step) {
        return versionPrefix + "_" + n + "__" + slug(step.description());
    }

    /** The undo script's base name for a forward script's base name. */
    static String undo(String name) {
        return "U" + name.substring(1);
    }

    // Flyway reads underscores in the description as spaces; anything but ASCII letters and digits becomes one.
    private static String slug(String description) {
        String s = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG).replaceAll("_+$", "");
        }
        return s.isEmpty() ? "step" : s;
    }
}
