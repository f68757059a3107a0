package dev.migrationagent.api;

/** The fixed hazard categories; every finding carries exactly one. */
public enum Category {
    BLOCKING_LOCK("blocking-lock"),
    TABLE_REWRITE("table-rewrite"),
    BREAKING_CHANGE("breaking-change"),
    DATA_LOSS("data-loss"),
    FAILS_ON_EXISTING_DATA("fails-on-existing-data"),
    MIGRATION_ERROR("migration-error"),
    TRANSACTION_HAZARD("transaction-hazard");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The kebab-case word used in reports and in the corpus labels. */
    public String id() {
        return id;
    }

    /** Looks a category up by its kebab-case id, or returns {@code null}. */
    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
