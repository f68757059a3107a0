package dev.migrationagent.deploy;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DeployGuards;
import dev.migrationagent.api.DeployRequest;
import dev.migrationagent.api.Secret;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.introspect.ScratchDatabase;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deploy test's world: a scratch database on a real PostgreSQL (embedded, or the machine's server), a project
 * directory with Flyway scripts, and helpers to query the target. Dropped on close.
 */
final class Scenario implements AutoCloseable {
    /** Where the scratch database lives. */
    enum Server {
        EMBEDDED, MACHINE
    }

    final Path project;
    final String url;
    final String user;
    final Secret password;
    private final AutoCloseable drop;

    private Scenario(Path project, String url, String user, Secret password, AutoCloseable drop) {
        this.project = project;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    /** A scenario on {@code server}, or {@code null} when that server is not reachable. */
    static Scenario on(Server server, Path project) {
        if (server == Server.EMBEDDED) {
            ShadowDatabase db = EmbeddedShadowProvider.shared().create(17);
            return new Scenario(project, db.jdbcUrl(), "postgres", null, db::close);
        }
        ScratchDatabase db = ScratchDatabase.create();
        if (!db.available()) {
            return null;
        }
        return new Scenario(project, ScratchDatabase.SERVER + db.name, "postgres", null, db::close);
    }

    /** The same database reached with other credentials (a role created by the test). */
    Scenario as(String otherUser, String otherPassword) {
        return new Scenario(project, url, otherUser, Secret.of(otherPassword), () -> {});
    }

    /** The same database reached through another URL (extra parameters). */
    Scenario withUrl(String otherUrl) {
        return new Scenario(project, otherUrl, user, password, () -> {});
    }

    void script(String name, String sql) throws IOException {
        Path dir = project.resolve("db/migration");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), sql);
    }

    DatabaseConnection connection() {
        return new DatabaseConnection(url, user, password);
    }

    AnalysisRequest.Builder analysis() {
        return AnalysisRequest.builder(project).location("filesystem:db/migration").shadow(new ShadowSetting.None())
                .postgresVersion(17).target(connection());
    }

    /** A request with guards small enough for tests. */
    DeployRequest request() {
        return DeployRequest.of(analysis().build()).withGuards(DeployGuards.DEFAULTS.withBudget(Duration.ofSeconds(20))
                .withDeployLockWait(Duration.ofSeconds(20))).withIncidentDirectory(project.resolve("target/incident"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password == null ? "" : password.reveal());
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long number(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> list = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }

    /** The history as {@code version:success} strings, oldest first. */
    List<String> history() throws SQLException {
        return strings("SELECT coalesce(version, script) || ':' || success FROM flyway_schema_history "
                + "ORDER BY installed_rank");
    }

    @Override
    public void close() throws Exception {
        drop.close();
    }
}
