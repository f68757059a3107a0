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
import dev.migrationagent.script.Version;
import dev.migrationagent.lock.Rates;
import dev.migrationagent.plan.Planner;
import dev.migrationagent.plan.Proof;
import dev.migrationagent.shadow.Calibration;
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
import java.nio.file.Path;
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
 * <p>The baseline is the migrations already applied: those the target's {@code flyway_schema_history} lists as
 * successful when a target is configured and has one, otherwise every migration before the ones under review. When
 * the request names Flyway locations and the applied scripts are exactly the versioned ones up to a version, Flyway
 * itself replays them ({@link FlywayBaseline}); otherwise (explicit files, repeatable or out-of-order applied
 * scripts) they are replayed over JDBC, statement by statement with the project's own parser, each script in the
 * transaction mode the analysis gives it.
 */
final class ShadowRun {
    private ShadowRun() {}

    /**
     * The Flyway layout of a request: its locations as directories and its placeholders; absent when the request
     * named files.
     */
    record Layout(List<Path> locations, Map<String, String> placeholders) {
        Layout {
            locations = List.copyOf(locations);
            placeholders = Map.copyOf(placeholders);
        }
    }

    /** As {@link #trace(ShadowSetting, DatabaseConnection, Layout, Introspection, int, List, List, Listener)}
     * without a Flyway layout: the baseline is replayed over JDBC. */
    static Map<String, ScriptTrace> trace(ShadowSetting setting, DatabaseConnection target, Introspection live,
            int major, List<MigrationScript> all, List<MigrationScript> reviewed, Listener listener) {
        return trace(setting, target, null, live, major, all, reviewed, listener);
    }

    /**
     * Traces and validates ({@link ShadowValidator}) the reviewed scripts, keyed by script path; when {@code live}
     * is given, its drift from the replayed baseline is attached to the first reviewed statement. Keyed by path; empty for {@link ShadowSetting.None}, or when the baseline
     * does not run on the shadow (the listener says why).
     *
     * @throws DatabaseUnavailableException when no shadow server can be started or reached
     * @throws InvalidConfigurationException when the shadow setting is unusable (such as the target itself)
     */
    static Map<String, ScriptTrace> trace(ShadowSetting setting, DatabaseConnection target, Layout layout,
            Introspection live, int major, List<MigrationScript> all, List<MigrationScript> reviewed,
            Listener listener) {
        if (setting instanceof ShadowSetting.None || reviewed.isEmpty()) {
            return Map.of();
        }
        ShadowProvider provider = provider(setting, target);
        Set<MigrationScript> review = Collections.newSetFromMap(new IdentityHashMap<>());
        review.addAll(reviewed);
        Set<MigrationScript> applied = applied(target, all, review, listener);
        MigrationScript flywayTarget = layout == null ? null : flywayTarget(all, applied);
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
            if (flywayTarget != null && !replayWithFlyway(db, layout, flywayTarget, applied, listener)) {
                return Map.of();
            }
            for (MigrationScript s : all) {
                boolean tx = Analyzer.transactional(s, major);
                if (!review.contains(s)) {
                    if (flywayTarget != null || !applied.contains(s)) {
                        continue;
                    }
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
                ScriptTrace t = tracer.trace(c, statements.stream().map(ParsedStatement::text).toList(), tx,
                        db::connect);
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

    // False, after a warning, when Flyway fails or applies other migrations than the ones expected.
    private static boolean replayWithFlyway(ShadowDatabase db, Layout layout, MigrationScript target,
            Set<MigrationScript> applied, Listener listener) {
        try {
            int executed = FlywayBaseline.migrate(db.dataSource(), layout.locations(), layout.placeholders(),
                    target.version().text());
            if (executed != applied.size()) {
                listener.on(Listener.Level.WARN, "Flyway applied " + executed + " migration(s) up to version "
                        + target.version() + " on the shadow, not the " + applied.size() + " expected; nothing traced");
                return false;
            }
            return true;
        } catch (FlywayBaseline.Failure e) {
            String script = e.script == null ? "the baseline" : applied.stream()
                    .filter(s -> s.path().equals(e.script) || s.path().endsWith("/" + e.script))
                    .map(MigrationScript::path).findFirst().orElse(e.script);
            listener.on(Listener.Level.WARN, script + ": applied migration fails on the shadow ("
                    + TargetDatabase.oneLine(e.getMessage()) + "); nothing traced");
            return false;
        }
    }

    /**
     * The script to give Flyway as its target, when the applied scripts are exactly the versioned scripts up to
     * that one's version; otherwise {@code null} and the baseline is replayed over JDBC.
     */
    private static MigrationScript flywayTarget(List<MigrationScript> all, Set<MigrationScript> applied) {
        MigrationScript last = null;
        for (MigrationScript s : applied) {
            if (s.repeatable()) {
                return null;
            }
            if (last == null || s.version().compareTo(last.version()) > 0) {
                last = s;
            }
        }
        if (last == null) {
            return null;
        }
        for (MigrationScript s : all) {
            if (!s.repeatable() && s.version().compareTo(last.version()) <= 0 && !applied.contains(s)) {
                return null;
            }
        }
        return last;
    }

    /**
     * The scripts of the baseline: with a target whose {@code flyway_schema_history} is readable, the versioned
     * scripts not under review that it lists as applied; otherwise every script not under review.
     */
    private static Set<MigrationScript> applied(DatabaseConnection target, List<MigrationScript> all,
            Set<MigrationScript> review, Listener listener) {
        Set<MigrationScript> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Version> history = target == null ? null : TargetDatabase.appliedVersions(target, listener);
        for (MigrationScript s : all) {
            if (!review.contains(s) && (history == null || !s.repeatable() && history.contains(s.version()))) {
                applied.add(s);
            }
        }
        if (history != null) {
            List<String> pending = all.stream().filter(review::contains)
                    .filter(s -> s.repeatable() || !history.contains(s.version())).map(MigrationScript::path)
                    .toList();
            listener.on(Listener.Level.INFO, "The target's flyway_schema_history lists " + history.size()
                    + " applied version(s); replaying " + applied.size() + " applied migration(s) on the shadow; "
                    + "pending among the reviewed: " + (pending.isEmpty() ? "none" : String.join(", ", pending)));
        }
        return applied;
    }

    // Reported once per analysis, before any reviewed script changed the shadow.
    private static List<String> drift(Introspection live, SchemaModel baseline, Listener listener) {
        List<String> drift = ShadowValidator.drift(live.model(), baseline);
        for (String d : drift) {
            listener.on(Listener.Level.WARN, "Schema drift: " + d);
        }
        return drift;
    }

    /**
     * Lock-duration rates measured on the shadow server (once per server and JVM); the priors when there is no
     * shadow or the measurement fails, which is reported but never fails the analysis.
     */
    static Rates calibrate(ShadowSetting setting, DatabaseConnection target, int major, Listener listener) {
        if (setting instanceof ShadowSetting.None) {
            return Rates.PRIORS;
        }
        String key = (setting instanceof ShadowSetting.Server s ? s.server().location() : "embedded") + "#" + major;
        try {
            ShadowProvider provider = provider(setting, target);
            Rates rates = Calibration.forServer(key, () -> create(provider, setting, major));
            listener.on(Listener.Level.DEBUG, "Lock estimates use rates measured on the shadow: " + rates);
            return rates;
        } catch (SQLException | RuntimeException e) {
            listener.on(Listener.Level.WARN, "Could not calibrate lock estimates on the shadow ("
                    + TargetDatabase.oneLine(String.valueOf(e.getMessage())) + "); using the prior rates");
            return Rates.PRIORS;
        }
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

    /**
     * Plans {@code toPlan} (reviewed scripts the analysis found unsafe) on a scratch database that holds the baseline,
     * proving each plan there ({@link Proof}); the other reviewed scripts run as written in between, so each plan
     * starts from the schema it will meet. Stops after a plan whose step failed, because the shadow no longer holds
     * a schema anyone will deploy.
     *
     * @throws InvalidConfigurationException when the shadow setting is {@code none}
     * @throws DatabaseUnavailableException when no shadow server can be started or reached
     */
    static List<Proof.Outcome> plan(ShadowSetting setting, DatabaseConnection target, Layout layout, int major,
            List<MigrationScript> all, List<MigrationScript> reviewed, Set<MigrationScript> toPlan,
            Planner.Settings settings, Proof.Context context, Listener listener) {
        if (setting instanceof ShadowSetting.None) {
            throw new InvalidConfigurationException("shadow", "none", "a plan is proven step by step on a shadow "
                    + "database: use the embedded default or a server URL");
        }
        ShadowProvider provider = provider(setting, target);
        Set<MigrationScript> review = Collections.newSetFromMap(new IdentityHashMap<>());
        review.addAll(reviewed);
        Set<MigrationScript> applied = applied(target, all, review, listener);
        MigrationScript flywayTarget = layout == null ? null : flywayTarget(all, applied);
        List<Proof.Outcome> outcomes = new java.util.ArrayList<>();
        try (ShadowDatabase db = create(provider, setting, major); Connection c = db.connect()) {
            listener.on(Listener.Level.INFO, "Planning " + toPlan.size() + " migration(s) on scratch database "
                    + db.name() + " (PostgreSQL " + db.majorVersion() + ")");
            Tracer tracer = new Tracer();
            if (flywayTarget != null && !replayWithFlyway(db, layout, flywayTarget, applied, listener)) {
                throw new DatabaseUnavailableException("the applied migrations do not run on the shadow, so no plan "
                        + "can be proven there; see the warning above", null);
            }
            List<MigrationScript> before = new java.util.ArrayList<>();
            for (MigrationScript s : all) {
                boolean isApplied = applied.contains(s);
                if (!isApplied && !review.contains(s)) {
                    continue;
                }
                if (toPlan.contains(s)) {
                    listener.on(Listener.Level.INFO, "Planning " + s.path());
                    Proof.Outcome o = Proof.run(c, db::connect, s, settings, new Proof.Context(before,
                            context.stats(), context.smallTableRows(), context.rules(), context.historyTable()));
                    outcomes.add(o);
                    before.add(s);
                    if (o.stepFailed()) {
                        listener.on(Listener.Level.WARN, "A step of the plan for " + s.path() + " failed on the "
                                + "shadow; later migrations are not planned");
                        break;
                    }
                    continue;
                }
                before.add(s);
                if (isApplied && flywayTarget != null) {
                    continue;
                }
                try {
                    tracer.replay(c, texts(s), Analyzer.transactional(s, major));
                } catch (SQLException e) {
                    listener.on(Listener.Level.WARN, s.path() + ": fails on the shadow (" + TargetDatabase.oneLine(
                            e.getMessage()) + "); later migrations are not planned");
                    break;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("the shadow database failed: " + TargetDatabase.oneLine(
                    e.getMessage()) + "; check the shadow setting", e);
        } catch (ShadowException e) {
            throw unavailable(setting, major, e);
        }
        return outcomes;
    }

    private static List<String> texts(MigrationScript s) {
        return PostgresParser.parse(s.sql()).statements().stream().map(ParsedStatement::text).toList();
    }
}
