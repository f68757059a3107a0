package dev.migrationagent.api;

import java.util.List;
import java.util.Objects;

/**
 * The verdict for a set of migrations under review: the one result model every report is written from.
 *
 * <p>The JSON field names follow the seed article ({@code safe_to_deploy}, {@code breaking_changes}, ...).
 *
 * @param safeToDeploy no unsuppressed error-level finding
 * @param breakingChanges some unsuppressed finding can break clients of the old schema
 * @param performanceImpact impact on live traffic while the migration runs
 * @param lockDurationEstimateSeconds sum of the estimated blocking-lock seconds of all statements
 * @param requiresDataMigration the safe way needs a backfill or data cleanup
 * @param rollbackComplexity 1 (trivial) to 5 (irreversible); see {@code docs/rollback-complexity.md}
 * @param recommendedApproach one paragraph on how to ship this safely
 * @param findings all findings, suppressed ones included, in script and line order
 * @param scripts the scripts that were read
 * @param rules the rules that were active
 * @param postgresVersion the target PostgreSQL major version the verdict is for
 * @param lockEstimates per reviewed statement that blocks traffic or waits without bound, in order
 */
public record Analysis(
        boolean safeToDeploy,
        boolean breakingChanges,
        PerformanceImpact performanceImpact,
        double lockDurationEstimateSeconds,
        boolean requiresDataMigration,
        int rollbackComplexity,
        String recommendedApproach,
        List<Finding> findings,
        List<ScriptInfo> scripts,
        List<RuleInfo> rules,
        int postgresVersion,
        List<LockEstimate> lockEstimates) {

    public Analysis {
        Objects.requireNonNull(performanceImpact, "performanceImpact");
        Objects.requireNonNull(recommendedApproach, "recommendedApproach");
        findings = List.copyOf(findings);
        scripts = List.copyOf(scripts);
        rules = List.copyOf(rules);
        lockEstimates = List.copyOf(lockEstimates);
        if (rollbackComplexity < 1 || rollbackComplexity > 5) {
            throw new IllegalArgumentException("rollbackComplexity must be 1..5: " + rollbackComplexity);
        }
    }

    /** An analysis without per-statement lock estimates. */
    public Analysis(boolean safeToDeploy, boolean breakingChanges, PerformanceImpact performanceImpact,
            double lockDurationEstimateSeconds, boolean requiresDataMigration, int rollbackComplexity,
            String recommendedApproach, List<Finding> findings, List<ScriptInfo> scripts, List<RuleInfo> rules,
            int postgresVersion) {
        this(safeToDeploy, breakingChanges, performanceImpact, lockDurationEstimateSeconds, requiresDataMigration,
                rollbackComplexity, recommendedApproach, findings, scripts, rules, postgresVersion, List.of());
    }

    /** Findings that were not suppressed. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /** Number of active findings of the given severity. */
    public long count(Severity severity) {
        return activeFindings().stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether the gate passes: no active error, and no active warning when {@code failOnWarning}. */
    public boolean passes(boolean failOnWarning) {
        return count(Severity.ERROR) == 0 && (!failOnWarning || count(Severity.WARNING) == 0);
    }
}
