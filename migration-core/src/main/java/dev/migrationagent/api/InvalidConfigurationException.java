package dev.migrationagent.api;

/** A configuration value is wrong; {@link #parameter()} names the setting to fix (e.g. {@code baselineVersion}). */
public final class InvalidConfigurationException extends MigrationAgentException {
    private final String parameter;
    private final String value;

    public InvalidConfigurationException(String parameter, String value, String problem) {
        super(parameter + "=" + value + ": " + problem, null);
        this.parameter = parameter;
        this.value = value;
    }

    /** The configuration key, without any front-end prefix. */
    public String parameter() {
        return parameter;
    }

    /** The rejected value as given. */
    public String value() {
        return value;
    }
}
