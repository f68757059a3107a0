package dev.migrationagent.lock;

import dev.migrationagent.sql.QualifiedName;

/**
 * What a statement does to one table: the lock it takes and the work it does under that lock.
 *
 * @param table the table
 * @param mode the lock mode
 * @param work the work done while the lock is held
 */
public record TableEffect(QualifiedName table, LockMode mode, Work work) {

    /** True when the statement blocks ordinary traffic for time proportional to the table. */
    public boolean blocksTraffic() {
        return work.proportional() && (mode.blocksReads() || mode.blocksWrites());
    }
}
