package dev.migrationagent.api;

import java.util.Objects;

/**
 * How to reach a PostgreSQL database.
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://db:5432/orders}
 * @param user user name, or {@code null} to let the URL or the driver decide
 * @param password password, or {@code null}
 */
public record DatabaseConnection(String url, String user, Secret password) {
    public DatabaseConnection {
        Objects.requireNonNull(url, "url");
    }

    /** The URL without its query parameters, which may carry a password: safe for messages and logs. */
    public String location() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        // The URL may carry a password parameter; show only what identifies the server and database.
        return location() + (user == null ? "" : " as " + user);
    }
}
