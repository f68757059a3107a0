package dev.migrationagent.lock;

/** PostgreSQL table lock modes, weakest first, with what ordinary traffic they block. */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** True when plain SELECTs wait for this lock. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** True when INSERT, UPDATE and DELETE wait for this lock. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** What the lock blocks, for messages. */
    public String blocks() {
        return blocksReads() ? "reads and writes" : blocksWrites() ? "writes" : "nothing";
    }

    /** The SQL spelling, e.g. {@code ACCESS EXCLUSIVE}. */
    public String sql() {
        return name().replace('_', ' ');
    }
}
