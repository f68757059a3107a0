package dev.migrationagent.maven;

import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.PlanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code plan} goal's own parameters as plain values, and their translation into a core request; kept apart
 * from the Mojo so the mapping can be unit-tested without a Maven runtime.
 *
 * @param outputDirectory {@code <outputDirectory>}
 * @param batchSize {@code <batchSize>}
 * @param batchPause {@code <batchPause>} as written, e.g. {@code 100ms}
 * @param backfill {@code <backfill>} entries, {@code table.column=SQL}, as Maven handed them over
 * @param backup {@code <backup>}
 */
record PlanConfiguration(Path outputDirectory, int batchSize, String batchPause, List<String> backfill,
        boolean backup) {

    /** The {@code -D} property of each plan parameter, so that a bad value names what to fix. */
    static final Map<String, String> PROPERTIES = Map.of(
            "outputDirectory", "migration.plan.outputDirectory",
            "batchSize", "migration.plan.batchSize",
            "batchPause", "migration.plan.batchPause",
            "backfill", "migration.plan.backfill",
            "backup", "migration.plan.backup");

    /** Where an entry starts: a {@code table.column} or {@code schema.table.column} key and {@code =}. */
    private static final Pattern ENTRY = Pattern.compile("\\s*[^\\s=(),']+\\.[^\\s=(),']+\\s*=.*", Pattern.DOTALL);

    PlanConfiguration {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        backfill = backfill == null ? List.of() : List.copyOf(backfill);
    }

    /** The plan request for {@code analysis}; throws {@link InvalidConfigurationException} naming the bad parameter. */
    PlanRequest toRequest(AnalysisRequest analysis) {
        return new PlanRequest(analysis, outputDirectory, batchSize, PlanRequest.parsePause(batchPause),
                backfill(backfill), backup);
    }

    /**
     * Parses {@code table.column=SQL} entries into the core's map. Maven splits a {@code -D} list at every comma,
     * also those inside the SQL ({@code coalesce(a, b)}), so a piece that does not start with a key continues the
     * entry before it.
     */
    static Map<String, String> backfill(List<String> entries) {
        List<String> joined = new ArrayList<>();
        for (String piece : entries) {
            if (piece == null || piece.isBlank()) {
                continue;
            }
            if (ENTRY.matcher(piece).matches() || joined.isEmpty()) {
                joined.add(piece);
            } else {
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + "," + piece);
            }
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : joined) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new InvalidConfigurationException("backfill", entry.strip(),
                        "write table.column=<SQL expression> (or schema.table.column=...)");
            }
            map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return map;
    }
}
