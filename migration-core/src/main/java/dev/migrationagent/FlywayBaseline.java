package dev.migrationagent;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Replays the applied migrations on the shadow with Flyway itself, up to a target version. The only class that
 * knows Flyway's types.
 *
 * <p>Settings that matter: {@code flyway.postgresql.transactional.lock=false}, since Flyway's transactional advisory
 * lock, held on a second connection, makes {@code CREATE INDEX CONCURRENTLY} wait forever (flyway/flyway#3497);
 * a data source that opens as many connections as asked (Flyway holds two at once); repeatable scripts are not
 * resolved, because Flyway would run every repeatable script it finds, whatever {@code target} says, while the
 * baseline must hold only those the target's history lists and none under review: the caller replays the applied
 * ones after this, in Flyway's order.
 */
final class FlywayBaseline {
    // A prefix no file name starts with: Flyway then resolves no repeatable script.
    private static final String NO_REPEATABLES = "R__migration_agent_never__";

    private FlywayBaseline() {}

    /** A baseline migration failed on the shadow; {@code script} is the failing one, when Flyway named it. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String script;

        Failure(String script, String message, Throwable cause) {
            super(message, cause);
            this.script = script;
        }
    }

    /**
     * Migrates {@code dataSource} with the versioned scripts in {@code locations} up to and including
     * {@code target}.
     *
     * @param table the name of Flyway's history table, so that {@code ${flyway:table}} and scripts that read the
     *     table see the name the target has
     * @return the number of migrations Flyway executed
     * @throws Failure when Flyway fails, naming the failing script when it is known
     */
    static int migrate(DataSource dataSource, List<Path> locations, Map<String, String> placeholders, String table,
            String target) throws Failure {
        String[] failed = new String[1];
        BaseCallback onError = new BaseCallback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_EACH_MIGRATE_ERROR;
            }

            @Override
            public void handle(Event event, Context context) {
                if (context.getMigrationInfo() != null) {
                    failed[0] = context.getMigrationInfo().getScript();
                }
            }
        };
        try {
            Flyway flyway = Flyway.configure(FlywayBaseline.class.getClassLoader())
                    .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                    .dataSource(dataSource)
                    .locations(locations.stream().map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new))
                    .target(target)
                    .table(table)
                    .cleanDisabled(true)
                    .placeholders(placeholders)
                    .validateMigrationNaming(false)
                    .baselineOnMigrate(false)
                    .repeatableSqlMigrationPrefix(NO_REPEATABLES)
                    .connectRetries(0)
                    // Flyway's progress lines (one per replayed migration, the full JDBC URL) would flood the build
                    // log; the listener reports the replay, and failures come back as exceptions.
                    .loggers(Quiet.class.getName())
                    .callbacks(onError)
                    .load();
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new Failure(failed[0], reason(e), e);
        }
    }

    // The database's own words when there are some: Flyway's message spans many lines of context.
    private static String reason(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage();
            }
        }
        String m = e.getMessage() == null ? "Flyway failed" : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Drops Flyway's log output; instantiated by Flyway by class name, hence public with a no-argument constructor. */
    public static final class Quiet implements org.flywaydb.core.api.logging.LogCreator, org.flywaydb.core.api.logging.Log {
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
