package dev.migrationagent;

import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.DatabaseUnavailableException;
import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ShadowSetting;
import dev.migrationagent.introspect.Introspection;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.script.SchemaHistory;
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
import java.util.ArrayList;
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
 * <p>The baseline is the migrations already applied, replayed before any reviewed one runs, in Flyway's order (the
 * versioned ones by version, then the repeatable ones by description): with a target whose schema history table is
 * readable, those it lists as applied (see {@link SchemaHistory}; a repeatable one changed since then is replayed as
 * it is now, in place of the text the target ran); otherwise every migration not under review. When the request names
 * Flyway locations and the applied versioned scripts are exactly those up to a version, Flyway itself replays them
 * ({@link FlywayBaseline}) and the applied repeatable ones follow over JDBC; otherwise (explicit files, out-of-order
 * applied scripts) everything is replayed over JDBC, statement by statement with the project's own parser, each
 * script in the transaction mode the analysis gives it.
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

    /**
     * As {@link #trace(ShadowSetting, DatabaseConnection, HistoryTable, Layout, Introspection, int, List, List,
     * Listener)} with Flyway's default history table and without a Flyway layout: the baseline is replayed over JDBC.
     */
    static Map<String, ScriptTrace> trace(ShadowSetting setting, DatabaseConnection target, Introspection live,
            int major, List<MigrationScript> all, List<MigrationScript> reviewed, Listener listener) {
        return trace(setting, target, HistoryTable.DEFAULT, null, live, major, all, reviewed, listener);
    }

    /**
     * Traces and validates ({@link ShadowValidator}) the reviewed scripts; when {@code live} is given, its drift from
     * the replayed baseline is attached to the first reviewed statement. Keyed by script path; empty for
     * {@link ShadowSetting.None}, or when the baseline does not run on the shadow (the listener says why).
     *
     * @param history the target's Flyway schema history table; the shadow's Flyway writes one of the same name
     * @throws DatabaseUnavailableException when no shadow server can be started or reached
     * @throws InvalidConfigurationException when the shadow setting is unusable (such as the target itself)
     */
    static Map<String, ScriptTrace> trace(ShadowSetting setting, DatabaseConnection target, HistoryTable history,
            Layout layout, Introspection live, int major, List<MigrationScript> all, List<MigrationScript> reviewed,
            Listener listener) {
        if (setting instanceof ShadowSetting.None || reviewed.isEmpty()) {
            return Map.of();
        }
        ShadowProvider provider = provider(setting, target);
        Set<MigrationScript> review = Collections.newSetFromMap(new IdentityHashMap<>());
        review.addAll(reviewed);
        List<MigrationScript> applied = applied(target, history, all, review, listener);
        HistoryTable shadowHistory = shadowHistory(history);
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
            if (!replayBaseline(db, c, tracer, layout, shadowHistory, all, applied, major, "nothing traced",
                    listener)) {
                return Map.of();
            }
            // The shadow's schema before the next reviewed script.
            SchemaModel before = ShadowValidator.tryRead(c, shadowHistory);
            if (before == null) {
                listener.on(Listener.Level.INFO, "The shadow's catalog cannot be read on PostgreSQL "
                        + db.majorVersion() + "; schema changes and drift are not validated");
            }
            List<String> drift = live != null && before != null ? drift(live, before, listener) : List.of();
            for (MigrationScript s : all) {
                if (!review.contains(s)) {
                    continue;
                }
                ShadowValidator.Result validated = ShadowValidator.traceScript(c, tracer, before,
                        PostgresParser.parse(s.sql()).statements(), Analyzer.transactional(s, major), db::connect,
                        shadowHistory);
                before = validated.after();
                ScriptTrace t = ShadowValidator.withDrift(validated.trace(), traces.isEmpty() ? drift : List.of());
                traces.put(s.path(), t);
                if (t.failure() != null) {
                    // Flyway stops at the first failed migration; later ones would only trace its fallout.
                    listener.on(Listener.Level.INFO, s.path() + " failed on the shadow; later migrations not traced");
                    break;
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (ShadowException e) {
            throw unavailable(setting, major, e);
        }
        return Map.copyOf(traces);
    }

    /**
     * Flyway's history table on the shadow: the target's name in the default schema, whatever schema the target's
     * is in, since Flyway's {@code defaultSchema} would also move every unqualified object there.
     */
    private static HistoryTable shadowHistory(HistoryTable history) {
        return new HistoryTable(null, history.name());
    }

    /**
     * Replays the baseline, {@code applied} in Flyway's order, on the fresh shadow {@code c}: the versioned scripts
     * through Flyway when the layout allows ({@link #flywayTarget}), the rest over JDBC. False, after a warning
     * that ends with {@code consequence}, when a script of it fails: a wrong baseline would make everything after
     * it misleading.
     */
    private static boolean replayBaseline(ShadowDatabase db, Connection c, Tracer tracer, Layout layout,
            HistoryTable shadowHistory, List<MigrationScript> all, List<MigrationScript> applied, int major,
            String consequence, Listener listener) {
        List<MigrationScript> versioned = applied.stream().filter(s -> !s.repeatable()).toList();
        MigrationScript flywayTarget = layout == null ? null : flywayTarget(all, versioned);
        if (flywayTarget != null && !replayWithFlyway(db, layout, shadowHistory, flywayTarget, versioned,
                consequence, listener)) {
            return false;
        }
        for (MigrationScript s : applied) {
            if (flywayTarget != null && !s.repeatable()) {
                continue;
            }
            try {
                tracer.replay(c, texts(s), Analyzer.transactional(s, major));
            } catch (SQLException e) {
                listener.on(Listener.Level.WARN, s.path() + ": applied migration fails on the shadow ("
                        + TargetDatabase.oneLine(e.getMessage()) + "); " + consequence);
                return false;
            }
        }
        return true;
    }

    // False, after a warning, when Flyway fails or applies other migrations than the ones expected.
    private static boolean replayWithFlyway(ShadowDatabase db, Layout layout, HistoryTable table,
            MigrationScript target, List<MigrationScript> expected, String consequence, Listener listener) {
        try {
            int executed = FlywayBaseline.migrate(db.dataSource(), layout.locations(), layout.placeholders(), table,
                    target.version().text());
            if (executed != expected.size()) {
                listener.on(Listener.Level.WARN, "Flyway applied " + executed + " migration(s) up to version "
                        + target.version() + " on the shadow, not the " + expected.size() + " expected; "
                        + consequence);
                return false;
            }
            return true;
        } catch (FlywayBaseline.Failure e) {
            String script = e.script == null ? "the baseline" : expected.stream()
                    .filter(s -> s.path().equals(e.script) || s.path().endsWith("/" + e.script))
                    .map(MigrationScript::path).findFirst().orElse(e.script);
            listener.on(Listener.Level.WARN, script + ": applied migration fails on the shadow ("
                    + TargetDatabase.oneLine(e.getMessage()) + "); " + consequence);
            return false;
        }
    }

    /**
     * The script to give Flyway as its target, when the applied versioned scripts are exactly the versioned scripts
     * up to that one's version; otherwise {@code null} and the baseline is replayed over JDBC.
     */
    private static MigrationScript flywayTarget(List<MigrationScript> all, List<MigrationScript> versioned) {
        MigrationScript last = null;
        for (MigrationScript s : versioned) {
            if (last == null || s.version().compareTo(last.version()) > 0) {
                last = s;
            }
        }
        if (last == null) {
            return null;
        }
        Set<MigrationScript> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        applied.addAll(versioned);
        for (MigrationScript s : all) {
            if (!s.repeatable() && s.version().compareTo(last.version()) <= 0 && !applied.contains(s)) {
                return null;
            }
        }
        return last;
    }

    /**
     * The scripts of the baseline in Flyway's order: with a target whose schema history is readable, those not
     * under review that it lists as applied, changed repeatable ones included; otherwise every script not under
     * review. Reports what the history says of the scripts Flyway would run, change or refuse.
     */
    private static List<MigrationScript> applied(DatabaseConnection target, HistoryTable table,
            List<MigrationScript> all, Set<MigrationScript> review, Listener listener) {
        SchemaHistory history = target == null ? null : TargetDatabase.history(target, table, listener);
        List<MigrationScript> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        // In Flyway's order already, as ScriptLocator found them; explicit files are all under review.
        for (MigrationScript s : all) {
            SchemaHistory.State state = history == null ? SchemaHistory.State.APPLIED : history.state(s);
            if (history != null) {
                report(history, table, s, state, review.contains(s), listener);
            }
            if (review.contains(s)) {
                if (state != SchemaHistory.State.APPLIED) {
                    pending.add(s.path());
                }
            } else if (state == SchemaHistory.State.APPLIED || state == SchemaHistory.State.CHANGED) {
                applied.add(s);
            }
        }
        if (history != null) {
            listener.on(Listener.Level.INFO, "The target's " + table + " lists " + history.appliedVersions()
                    + " applied version(s) and " + history.appliedRepeatables() + " repeatable migration(s); "
                    + "replaying " + applied.size() + " applied migration(s) on the shadow; pending among the "
                    + "reviewed: " + (pending.isEmpty() ? "none" : String.join(", ", pending)));
        }
        return applied;
    }

    // What Flyway would make of a script that differs from the history: run a changed repeatable one again, refuse
    // a changed versioned one, or stop at a failed one.
    private static void report(SchemaHistory history, HistoryTable table, MigrationScript s,
            SchemaHistory.State state, boolean reviewed, Listener listener) {
        String checksums = " (checksum " + history.recordedChecksum(s) + " in " + table + ", "
                + SchemaHistory.checksum(s.sql()) + " now)";
        if (state == SchemaHistory.State.CHANGED) {
            if (reviewed) {
                listener.on(Listener.Level.INFO, s.path() + " changed since it was applied to the target"
                        + checksums + ": pending, Flyway runs it again after the pending versioned migrations");
            } else {
                listener.on(Listener.Level.WARN, s.path() + " changed since it was applied to the target"
                        + checksums + ": Flyway runs it again on the next migrate, but it is not under review and "
                        + "not traced; the shadow's baseline runs its current text in place of the applied one");
            }
        } else if (state == SchemaHistory.State.FAILED) {
            listener.on(Listener.Level.WARN, s.path() + ": its latest run failed according to the target's "
                    + table + "; Flyway refuses to migrate until the history is repaired; not part of the "
                    + "shadow's baseline");
        } else if (history.checksumMismatch(s)) {
            listener.on(Listener.Level.WARN, s.path() + " changed since it was applied to the target"
                    + " (checksum " + history.recordedChecksum(s) + " in " + table + "); Flyway's validate refuses "
                    + "to migrate until the file is restored or the history repaired");
        }
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

    // The shadow failed outside any migration: its connection, or a catalog read.
    private static DatabaseUnavailableException unavailable(SQLException e) {
        return new DatabaseUnavailableException("the shadow database failed: " + TargetDatabase.oneLine(
                e.getMessage()) + "; check the shadow setting", e);
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
     * starts from the schema it will meet. The baseline is the one {@link #trace} replays. Stops after a plan whose
     * step failed, because the shadow no longer holds a schema anyone will deploy.
     *
     * @param history the target's Flyway schema history table; the shadow's Flyway writes one of the same name
     * @throws InvalidConfigurationException when the shadow setting is {@code none}
     * @throws DatabaseUnavailableException when no shadow server can be started or reached, or the baseline does not
     *     run on it
     */
    static List<Proof.Outcome> plan(ShadowSetting setting, DatabaseConnection target, HistoryTable history,
            Layout layout, int major, List<MigrationScript> all, List<MigrationScript> reviewed,
            Set<MigrationScript> toPlan, Planner.Settings settings, Proof.Context context, Listener listener) {
        if (setting instanceof ShadowSetting.None) {
            throw new InvalidConfigurationException("shadow", "none", "a plan is proven step by step on a shadow "
                    + "database: use the embedded default or a server URL");
        }
        ShadowProvider provider = provider(setting, target);
        Set<MigrationScript> review = Collections.newSetFromMap(new IdentityHashMap<>());
        review.addAll(reviewed);
        List<MigrationScript> applied = applied(target, history, all, review, listener);
        List<Proof.Outcome> outcomes = new ArrayList<>();
        try (ShadowDatabase db = create(provider, setting, major); Connection c = db.connect()) {
            listener.on(Listener.Level.INFO, "Planning " + toPlan.size() + " migration(s) on scratch database "
                    + db.name() + " (PostgreSQL " + db.majorVersion() + ")");
            Tracer tracer = new Tracer();
            if (!replayBaseline(db, c, tracer, layout, shadowHistory(history), all, applied, major,
                    "nothing planned", listener)) {
                throw new DatabaseUnavailableException("the applied migrations do not run on the shadow, so no plan "
                        + "can be proven there; see the warning above", null);
            }
            List<MigrationScript> before = new ArrayList<>(applied);
            for (MigrationScript s : all) {
                if (!review.contains(s)) {
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
                try {
                    tracer.replay(c, texts(s), Analyzer.transactional(s, major));
                } catch (SQLException e) {
                    listener.on(Listener.Level.WARN, s.path() + ": fails on the shadow (" + TargetDatabase.oneLine(
                            e.getMessage()) + "); later migrations are not planned");
                    break;
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (ShadowException e) {
            throw unavailable(setting, major, e);
        }
        return outcomes;
    }

    private static List<String> texts(MigrationScript s) {
        return PostgresParser.parse(s.sql()).statements().stream().map(ParsedStatement::text).toList();
    }
}
