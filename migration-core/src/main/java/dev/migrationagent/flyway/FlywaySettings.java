package dev.migrationagent.flyway;

import dev.migrationagent.api.HistoryTable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The Flyway configuration every use of Flyway in Migration Agent starts from (the shadow's baseline replay and the
 * guarded deploy), so the settings that prevent hangs are set in one place.
 *
 * <p>{@code flyway.postgresql.transactional.lock=false}: Flyway's transactional advisory lock is held in a
 * transaction that stays open on a second connection, and {@code CREATE INDEX CONCURRENTLY} waits for it forever
 * (flyway/flyway#3497); the session-level lock still makes concurrent migrators take turns. The data source must
 * open as many connections as asked: Flyway holds two at once.
 */
public final class FlywaySettings {
    private FlywaySettings() {}

    /**
     * A configuration for {@code dataSource} and the {@code filesystem:} {@code locations}, with placeholders,
     * clean disabled, no connection retries, no baseline on migrate and Flyway's own log silenced, that keeps its
     * history in {@code history}: Flyway's {@code table}, and its {@code defaultSchema} when the table names a
     * schema (Flyway keeps the table in its default schema, which is also the connection's schema while it
     * migrates, as it is for the user's own Flyway with that setting).
     */
    public static FluentConfiguration configure(DataSource dataSource, List<Path> locations,
            Map<String, String> placeholders, HistoryTable history) {
        FluentConfiguration config = Flyway.configure(FlywaySettings.class.getClassLoader())
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(dataSource)
                .locations(locations.stream().map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new))
                .cleanDisabled(true)
                .placeholders(placeholders)
                .validateMigrationNaming(false)
                .baselineOnMigrate(false)
                .connectRetries(0)
                // Flyway's progress lines (the full JDBC URL among them) would flood the build log; callers report
                // progress through their listener, and failures come back as exceptions.
                .loggers(Quiet.class.getName())
                .table(history.name());
        return history.schema() == null ? config : config.defaultSchema(history.schema());
    }

    /** The database's own words when there are some: Flyway's message spans many lines of context. */
    public static String reason(FlywayException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getMessage() != null) {
            return sql.getMessage();
        }
        String m = e.getMessage() == null ? "Flyway failed" : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The first {@link SQLException} in the cause chain, or {@code null}. */
    public static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Drops Flyway's log output; instantiated by Flyway by class name, hence public with a no-argument constructor. */
    public static final class Quiet implements org.flywaydb.core.api.logging.LogCreator,
            org.flywaydb.core.api.logging.Log {
        @Override
        public org.flywaydb.core.api.logging.Log createLogger(Class<?> clazz) {
            return this;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}

        @Override
        public void error(String message, Exception e) {}

        @Override
        public void notice(String message) {}
    }
}
