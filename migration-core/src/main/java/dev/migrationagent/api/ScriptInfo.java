package dev.migrationagent.api;

/**
 * A migration script the analysis looked at.
 *
 * @param path path relative to the project base directory, forward slashes
 * @param version Flyway version, or {@code null} for a repeatable script
 * @param description Flyway description
 * @param transactional whether Flyway runs it inside one transaction
 * @param reviewed whether it is under review (pending) or only replayed into the schema model
 * @param statements number of statements in it
 */
public record ScriptInfo(
        String path, String version, String description, boolean transactional, boolean reviewed, int statements) {}
