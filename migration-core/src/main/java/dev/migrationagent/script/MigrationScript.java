package dev.migrationagent.script;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Flyway SQL migration.
 *
 * @param file the file on disk (may be {@code null} for in-memory scripts)
 * @param path the path shown in reports: relative to the project base directory, forward slashes
 * @param version the version ({@code 1.2}), or {@code null} for a repeatable script
 * @param description Flyway description (underscores as spaces)
 * @param sql the script text, placeholders replaced
 * @param executeInTransaction the per-script {@code .sql.conf} setting, or {@code null} when not set
 */
public record MigrationScript(Path file, String path, Version version, String description, String sql,
        Boolean executeInTransaction) {
    public MigrationScript {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /** True for {@code R__} scripts. */
    public boolean repeatable() {
        return version == null;
    }
}
