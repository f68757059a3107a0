package dev.migrationagent.trace;

import java.util.Objects;

/**
 * A relation-level lock held by the tracing backend.
 *
 * @param relation the locked relation
 * @param mode the mode as {@code pg_locks} names it, such as {@code AccessExclusiveLock}
 */
public record LockHeld(Relation relation, String mode) {
    public LockHeld {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(mode, "mode");
    }

    /** True for modes that block plain reads ({@code AccessExclusiveLock}). */
    public boolean blocksReads() {
        return mode.equals("AccessExclusiveLock");
    }

    /** True for modes that block INSERT, UPDATE and DELETE. */
    public boolean blocksWrites() {
        return switch (mode) {
            case "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock" -> true;
            default -> false;
        };
    }
}
