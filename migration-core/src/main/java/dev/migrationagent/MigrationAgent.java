package dev.migrationagent;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.analyze.Analyzer;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.rule.BuiltInRules;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.script.ReviewSelector;
import dev.migrationagent.script.ScriptLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for front ends (Maven plugin, CLI, any JVM tool).
 *
 * <p>It lives in the root package, not in {@code api}, so that {@code api} stays a leaf that every feature
 * package may use without forming a cycle.
 */
public final class MigrationAgent {
    private MigrationAgent() {}

    /**
     * Analyzes the migrations under review with the static rules.
     *
     * @param request what to analyze
     * @param listener receives progress messages
     * @return the verdict; findings are values, never exceptions
     * @throws dev.migrationagent.api.MigrationAgentException when the input or configuration is unusable
     */
    public static Analysis analyze(AnalysisRequest request, Listener listener) {
        List<MigrationScript> all;
        List<MigrationScript> reviewed;
        if (!request.files().isEmpty()) {
            all = new ArrayList<>();
            for (Path f : request.files()) {
                Path file = request.baseDir().resolve(f);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(f, "no such file", null);
                }
                all.add(ScriptLocator.read(request.baseDir(), file, null, file.getFileName().toString(),
                        request.placeholders()));
            }
            reviewed = all;
        } else {
            all = ScriptLocator.find(request.baseDir(), request.locations(), request.placeholders(), listener);
            reviewed = ReviewSelector.select(all, request.scope(), request.baseDir(), listener);
        }
        TableStats stats = request.statsFile() == null ? TableStats.none()
                : TableStats.read(request.baseDir().resolve(request.statsFile()));
        listener.on(Listener.Level.INFO, "Analyzing " + reviewed.size() + " of " + all.size()
                + " migration(s) for PostgreSQL " + request.postgresVersion());
        return Analyzer.analyze(all, reviewed, new Analyzer.Settings(request.postgresVersion(), stats,
                request.smallTableRows(), request.rules()), listener);
    }

    /** Every built-in rule, sorted by id. */
    public static List<RuleInfo> rules() {
        return BuiltInRules.all().stream().map(r -> r.descriptor().toInfo()).toList();
    }
}
