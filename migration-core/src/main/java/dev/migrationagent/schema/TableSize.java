package dev.migrationagent.schema;

import java.util.Locale;

/**
 * How big a table is at the moment a statement runs, as far as the analysis knows.
 *
 * @param kind size class
 * @param rows estimated rows, or -1 when unknown
 * @param bytes estimated bytes, or -1 when unknown
 */
public record TableSize(Kind kind, long rows, long bytes) {
    /** Size classes. */
    public enum Kind {
        /** Created by a migration under review: empty when the migration runs. */
        NEW,
        /** Fewer rows than the small-table threshold. */
        SMALL,
        /** At least the small-table threshold. */
        LARGE,
        /** Exists, size not known: treated as large. */
        UNKNOWN
    }

    /** A brand-new table. */
    public static final TableSize NEW = new TableSize(Kind.NEW, 0, 0);

    /** True when work proportional to the table can block traffic for long (large or unknown). */
    public boolean matters() {
        return kind == Kind.LARGE || kind == Kind.UNKNOWN;
    }

    /** Bytes, estimated from rows at 100 bytes a row when not known. */
    public long estimatedBytes() {
        return bytes >= 0 ? bytes : rows >= 0 ? rows * 100 : -1;
    }

    /** Text for messages, such as {@code ~50,000,000 rows} or {@code unknown size, treated as large}. */
    public String describe() {
        return switch (kind) {
            case NEW -> "created in this migration";
            case UNKNOWN -> "unknown size, treated as large";
            default -> String.format(Locale.ROOT, "~%,d rows", rows);
        };
    }
}
