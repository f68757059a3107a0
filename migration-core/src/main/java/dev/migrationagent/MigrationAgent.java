package dev.migrationagent;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.RuleInfo;
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
        throw new UnsupportedOperationException("not yet");
    }

    /** Every built-in rule, sorted by id. */
    public static List<RuleInfo> rules() {
        throw new UnsupportedOperationException("not yet");
    }
}
