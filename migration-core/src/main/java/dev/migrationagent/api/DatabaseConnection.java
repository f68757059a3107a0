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

    @Override
    public String toString() {
        // The URL may carry a password parameter; show only what identifies the server and database.
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)) + (user == null ? "" : " as " + user);
    }
}
