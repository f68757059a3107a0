package dev.migrationagent.api;

import java.util.Objects;

/** Which migrations are under review; the others are only replayed into the schema model. */
public sealed interface ReviewScope {

    /** Every migration is reviewed. */
    record All() implements ReviewScope {}

    /** Migrations with a version above the baseline (repeatables are always reviewed). */
    record AfterVersion(String version) implements ReviewScope {
        public AfterVersion {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Migrations added or changed since a git ref, e.g. {@code origin/main} in a pull-request build. */
    record ChangedSince(String gitRef) implements ReviewScope {
        public ChangedSince {
            Objects.requireNonNull(gitRef, "gitRef");
        }
    }

    /**
     * The pull-request default: changes since {@code origin/main} (or {@code main}) when the project is a git
     * checkout that has such a ref, otherwise only the newest migration.
     */
    record Auto() implements ReviewScope {}
}
