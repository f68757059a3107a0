package dev.migrationagent.datacheck;

import java.util.Objects;

/**
 * How many rows of the target violate one constraint a reviewed statement adds.
 *
 * @param check the constraint that was checked
 * @param rows rows that would make the statement fail (for uniqueness: rows that share a value with another row)
 * @param cleanup SQL that lists, backfills or removes those rows, with anything destructive commented out
 */
public record ViolationCount(DataCheck check, long rows, String cleanup) {
    public ViolationCount {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(cleanup, "cleanup");
    }
}
