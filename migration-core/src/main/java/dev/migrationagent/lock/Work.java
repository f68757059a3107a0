package dev.migrationagent.lock;

/** The kind of work a statement does on a table while it holds its lock. */
public enum Work {
    /** Catalog change only: the lock is held for milliseconds once granted. */
    CATALOG("a catalog update"),
    /** Reads every row to check something (NOT NULL, CHECK, partition bound). */
    SCAN("a full-table scan"),
    /** Checks every row against another table (foreign key validation). */
    VALIDATE("a validation of every row"),
    /** Builds an index over every row. */
    INDEX_BUILD("an index build"),
    /** Writes a new copy of the table and its indexes. */
    REWRITE("a full table rewrite"),
    /** Changes every row (UPDATE or DELETE without a bounding WHERE). */
    ROW_CHANGE("a change of every row");

    private final String description;

    Work(String description) {
        this.description = description;
    }

    /** Text for messages. */
    public String description() {
        return description;
    }

    /** True when the time grows with the table. */
    public boolean proportional() {
        return this != CATALOG;
    }
}
