package dev.migrationagent.maven;

import dev.migrationagent.api.Listener;
import org.apache.maven.plugin.logging.Log;

/** Routes the core's progress messages to Maven's log. */
final class MavenLogListener implements Listener {
    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void on(Level level, String message) {
        switch (level) {
            case DEBUG -> log.debug(message);
            case INFO -> log.info(message);
            case WARN -> log.warn(message);
        }
    }
}
