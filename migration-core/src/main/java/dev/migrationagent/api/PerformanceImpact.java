package dev.migrationagent.api;

/** Coarse impact on live traffic, as in the seed article's {@code performance_impact}. */
public enum PerformanceImpact {
    LOW, MEDIUM, HIGH;

    /** Lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
