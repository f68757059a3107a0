package dev.migrationagent.trace;

import java.util.List;

/**
 * What validating a script on the shadow attributed to one of its statements, beyond the statement's own trace.
 *
 * @param schemaChanges differences between the schema the shadow ended with and the one the statements announce
 *     (such as a table a trigger created, or a view a CASCADE dropped)
 * @param rerunError the error the statement raised when its non-transactional script ran a second time, or
 *     {@code null}
 * @param drift differences between the target and the replayed baseline, on the first reviewed statement only
 */
public record Validation(List<String> schemaChanges, TraceError rerunError, List<String> drift) {
    /** Nothing found. */
    public static final Validation NONE = new Validation(List.of(), null, List.of());

    public Validation {
        schemaChanges = List.copyOf(schemaChanges);
        drift = List.copyOf(drift);
    }

    /** A copy with other schema changes. */
    public Validation withSchemaChanges(List<String> changes) {
        return new Validation(changes, rerunError, drift);
    }

    /** A copy with a re-run error. */
    public Validation withRerunError(TraceError error) {
        return new Validation(schemaChanges, error, drift);
    }

    /** A copy with drift. */
    public Validation withDrift(List<String> differences) {
        return new Validation(schemaChanges, rerunError, differences);
    }
}
