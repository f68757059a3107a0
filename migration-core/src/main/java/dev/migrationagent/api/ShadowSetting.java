package dev.migrationagent.api;

import java.util.Locale;
import java.util.Objects;

/** Where migrations under review are traced: nowhere (static rules only), an embedded server, or a given server. */
public sealed interface ShadowSetting {

    /** Static analysis only. */
    record None() implements ShadowSetting {}

    /** An embedded PostgreSQL of the target's major version, started by Migration Agent; needs no setup. */
    record Embedded() implements ShadowSetting {}

    /**
     * A PostgreSQL server where Migration Agent creates and drops a uniquely named scratch database.
     *
     * @param server connection to any database on that server (used to create the scratch database)
     */
    record Server(DatabaseConnection server) implements ShadowSetting {
        public Server {
            Objects.requireNonNull(server, "server");
        }
    }

    /**
     * Parses {@code none}, {@code embedded} or a JDBC URL (credentials then come separately).
     *
     * @throws InvalidConfigurationException naming the {@code shadow} setting
     */
    static ShadowSetting parse(String text, String user, Secret password) {
        String t = text == null ? "" : text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "none", "off", "false":
                return new None();
            case "", "embedded":
                return new Embedded();
            default:
                if (t.startsWith("jdbc:postgresql:")) {
                    return new Server(new DatabaseConnection(t, user, password));
                }
                throw new InvalidConfigurationException("shadow", t,
                        "use none, embedded, or a jdbc:postgresql: URL of a server for scratch databases");
        }
    }
}
