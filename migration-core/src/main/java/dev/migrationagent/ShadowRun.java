package dev.migrationagent;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.introspect.Introspection;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.shadow.ShadowException;
import dev.migrationagent.shadow.ShadowProvider;
import dev.migrationagent.shadow.UrlShadowProvider;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.ScriptTrace;
import dev.migrationagent.trace.Tracer;
import dev.migrationagent.validate.ShadowValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the migrations on a scratch database: the applied ones rebuild the baseline, the ones under review run under
 * the tracer. The scratch database is dropped before this returns, whatever happened.
 *
 * <p>The baseline is replayed over JDBC, statement by statement with the project's own parser, each script in the
 * transaction mode the analysis gives it, rather than by Flyway: the scripts are already read and their
 * placeholders replaced, and Flyway would add a dependency and a schema history table for no extra fidelity here.
 */
final class ShadowRun {
    private ShadowRun() {}

    /**
     * Traces and validates ({@link ShadowValidator}) the reviewed scripts, keyed by script path; when {@code live}
     * is given, its drift from the replayed baseline is attached to the first reviewed statement. Keyed by path; empty for {@link ShadowSetting.None}, or when the baseline
     * does not run on the shadow (the listener says why).
     *
     * @throws DatabaseUnavailableException when no shadow server can be started or reached
     * @throws InvalidConfigurationException when the shadow setting is unusable (such as the target itself)
     */
    static Map<String, ScriptTrace> trace(ShadowSetting setting, DatabaseConnection target, Introspection live,
            int major, List<MigrationScript> all, List<MigrationScript> reviewed, Listener listener) {
        if (setting instanceof ShadowSetting.None || reviewed.isEmpty()) {
            return Map.of();
        }
        ShadowProvider provider = provider(setting, target);
        Set<MigrationScript> review = Collections.newSetFromMap(new IdentityHashMap<>());
        review.addAll(reviewed);
        Map<String, ScriptTrace> traces = new LinkedHashMap<>();
        // The embedded provider is shared and keeps its servers for the next analysis: it is not closed here, only
        // the scratch database is.
        try (ShadowDatabase db = create(provider, setting, major); Connection c = db.connect()) {
            if (db.majorVersion() != major) {
                listener.on(Listener.Level.WARN, "The shadow server runs PostgreSQL " + db.majorVersion()
                        + ", not " + major + "; traced findings describe PostgreSQL " + db.majorVersion());
            }
            listener.on(Listener.Level.INFO, "Tracing " + reviewed.size() + " migration(s) on scratch database "
                    + db.name() + " (PostgreSQL " + db.majorVersion() + ")");
            Tracer tracer = new Tracer();
            // The shadow's schema before the next reviewed script; read again after an applied one ran.
            SchemaModel before = null;
            boolean unreadable = false;
            for (MigrationScript s : all) {
                boolean tx = Analyzer.transactional(s, major);
                if (!review.contains(s)) {
                    before = null;
                    try {
                        tracer.replay(c, texts(s), tx);
                    } catch (SQLException e) {
                        // A wrong baseline would make every trace misleading: fall back to the static analysis.
                        listener.on(Listener.Level.WARN, s.path() + ": applied migration fails on the shadow ("
                                + TargetDatabase.oneLine(e.getMessage()) + "); "
                                + (traces.isEmpty() ? "nothing traced" : "later migrations not traced"));
                        return Map.copyOf(traces);
                    }
                    continue;
                }
                List<ParsedStatement> statements = PostgresParser.parse(s.sql()).statements();
                if (before == null) {
                    before = ShadowValidator.tryRead(c);
                    if (before == null && !unreadable) {
                        unreadable = true;
                        listener.on(Listener.Level.INFO, "The shadow's catalog cannot be read on PostgreSQL "
                                + db.majorVersion() + "; schema changes and drift are not validated");
                    }
                }
                List<String> drift = traces.isEmpty() && live != null && before != null ? drift(live, before,
                        listener) : List.of();
                ScriptTrace t = tracer.trace(c, statements.stream().map(ParsedStatement::text).toList(), tx);
                ShadowValidator.Result validated = ShadowValidator.script(c, before, statements, t);
                before = validated.after();
                t = ShadowValidator.withDrift(validated.trace(), drift);
                traces.put(s.path(), t);
                if (t.failure() != null) {
                    // Flyway stops at the first failed migration; later ones would only trace its fallout.
                    listener.on(Listener.Level.INFO, s.path() + " failed on the shadow; later migrations not traced");
                    break;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow database failed: " + TargetDatabase.oneLine(
                    e.getMessage()) + "; check the shadow setting", e);
        } catch (ShadowException e) {
            throw unavailable(setting, major, e);
        }
        return Map.copyOf(traces);
    }

    // Reported once per analysis, before any reviewed script changed the shadow.
    private static List<String> drift(Introspection live, SchemaModel baseline, Listener listener) {
        List<String> drift = ShadowValidator.drift(live.model(), baseline);
        for (String d : drift) {
            listener.on(Listener.Level.WARN, "Schema drift: " + d);
        }
        return drift;
    }

    private static ShadowProvider provider(ShadowSetting setting, DatabaseConnection target) {
        if (setting instanceof ShadowSetting.Server s) {
            DatabaseConnection server = s.server();
            try {
                // UrlShadowProvider opens its own connections, so it gets the clear text.
                return new UrlShadowProvider(server.url(), server.user(),
                        server.password() == null ? null : server.password().reveal(),
                        target == null ? null : target.url());
            } catch (ShadowException e) {
                throw new InvalidConfigurationException("shadow", server.location(),
                        TargetDatabase.oneLine(e.getMessage()));
            }
        }
        return EmbeddedShadowProvider.shared();
    }

    private static ShadowDatabase create(ShadowProvider provider, ShadowSetting setting, int major) {
        try {
            return provider.create(major);
        } catch (ShadowException e) {
            if (setting instanceof ShadowSetting.Server s && e.getCause() instanceof SQLException sql) {
                throw TargetDatabase.failure(s.server(), "shadow", sql);
            }
            throw e;
        }
    }

    private static DatabaseUnavailableException unavailable(ShadowSetting setting, int major, ShadowException e) {
        String message = TargetDatabase.oneLine(e.getMessage());
        if (setting instanceof ShadowSetting.Embedded && !message.contains(EmbeddedShadowProvider.fetchHint(major))
                && message.contains("did not start")) {
            message += "; " + EmbeddedShadowProvider.fetchHint(major);
        }
        return new DatabaseUnavailableException(message, e);
    }

    private static List<String> texts(MigrationScript s) {
        return PostgresParser.parse(s.sql()).statements().stream().map(ParsedStatement::text).toList();
    }
}
