package dev.migrationagent.api;

import java.util.Objects;

/** A password or other secret: it never shows in {@code toString}, logs, reports or exception messages. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a secret value; {@code null} stays {@code null}. */
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** The clear text, for the one place that must hand it to a JDBC driver. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }
}
