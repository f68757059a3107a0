package dev.migrationagent;

import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.flyway.FlywaySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Replays the applied migrations on the shadow with Flyway itself, up to a target version, from the shared
 * {@link FlywaySettings}. Repeatable scripts are not resolved, because Flyway would run every repeatable script it
 * finds, whatever {@code target} says, while the baseline must hold only those the target's history lists and none
 * under review: the caller replays the applied ones after this, in Flyway's order.
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
     * @param table Flyway's history table on the shadow, named as the target's is so that {@code ${flyway:table}}
     *     and scripts that read the table see the name the target has
     * @return the number of migrations Flyway executed
     * @throws Failure when Flyway fails, naming the failing script when it is known
     */
    static int migrate(DataSource dataSource, List<Path> locations, Map<String, String> placeholders,
            HistoryTable table, String target) throws Failure {
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
            Flyway flyway = FlywaySettings.configure(dataSource, locations, placeholders, table)
                    .target(target)
                    .repeatableSqlMigrationPrefix(NO_REPEATABLES)
                    .callbacks(onError)
                    .load();
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new Failure(failed[0], FlywaySettings.reason(e), e);
        }
    }
}
