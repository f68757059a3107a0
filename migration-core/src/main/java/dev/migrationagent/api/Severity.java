package dev.migrationagent.api;

/** How much a finding matters; set per rule by configuration, never baked into the rule's logic. */
public enum Severity {
    /** Fails the gate: the migration is not safe to deploy as written. */
    ERROR,
    /** Reported; fails the gate only with {@code failOnWarning}. */
    WARNING,
    /** Advice only. */
    INFO;

    /** The SARIF 2.1.0 {@code level} for this severity. */
    public String sarifLevel() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Parses a severity name case-insensitively, or returns {@code null} when it is not one. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        return null;
    }
}
