package dev.migrationagent.analyze;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.PerformanceImpact;
import dev.migrationagent.api.Severity;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Derives the summary fields of an analysis from its findings and statements. */
final class Verdict {
    private static final Set<String> NEEDS_DATA_MIGRATION = Set.of("add-required-column", "set-not-null-scan",
            "add-column-rewrite", "type-change-rewrite", "renaming-column", "violates-existing-rows",
            "batch-large-updates", "incompatible-type-change");

    private Verdict() {}

    static boolean breaking(List<Finding> active) {
        return active.stream().anyMatch(f -> f.category() == Category.BREAKING_CHANGE && f.severity() != Severity.INFO);
    }

    static PerformanceImpact impact(List<Finding> active, double lockSeconds, boolean unknownLockTime) {
        boolean blocking = active.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && (f.category() == Category.BLOCKING_LOCK || f.category() == Category.TABLE_REWRITE));
        if (blocking && (unknownLockTime || lockSeconds >= 5)) {
            return PerformanceImpact.HIGH;
        }
        if (blocking || lockSeconds >= 1) {
            return PerformanceImpact.MEDIUM;
        }
        return PerformanceImpact.LOW;
    }

    static boolean requiresDataMigration(List<Finding> active) {
        return active.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && (NEEDS_DATA_MIGRATION.contains(f.ruleId()) || f.category() == Category.FAILS_ON_EXISTING_DATA));
    }

    /**
     * The documented scale (docs/rollback-complexity.md), from the worst reviewed statement and the findings:
     * 1 = additions only (drop what was added); 2 = catalog changes undone by inverse DDL (renames, defaults,
     * constraints, indexes); 3 = column type changes (undoing one rewrites the table again) and enum values (which
     * cannot be removed); 4 = data changes that need a backup to undo; 5 = irreversible data loss. Maintenance
     * commands such as CLUSTER change no schema and stay at 1.
     */
    static int rollbackComplexity(int statementLevel, List<Finding> active) {
        if (active.stream().anyMatch(f -> f.category() == Category.DATA_LOSS && f.severity() == Severity.ERROR)) {
            return 5;
        }
        return statementLevel;
    }

    /** The rollback level of one reviewed statement (see {@link #rollbackComplexity}). */
    static int rollbackLevel(Statement s) {
        if (s instanceof Statement.Update || s instanceof Statement.Delete || s instanceof Statement.DoBlock
                || s instanceof Statement.Truncate) {
            return 4;
        }
        if (s instanceof Statement.AlterType at) {
            return at.action() == Statement.AlterType.Action.ADD_VALUE ? 3 : 2;
        }
        if (s instanceof Statement.AlterTable at) {
            int l = 1;
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AlterColumnType) {
                    l = Math.max(l, 3);
                } else if (a instanceof AlterAction.DropColumn) {
                    l = Math.max(l, 5);
                } else if (!(a instanceof AlterAction.AddColumn) && !(a instanceof AlterAction.AddConstraint)) {
                    l = Math.max(l, 2);
                }
            }
            return l;
        }
        if (s instanceof Statement.Drop d) {
            return switch (d.kind()) {
                case TABLE, SCHEMA, SEQUENCE -> 5;
                default -> 2;
            };
        }
        if (s instanceof Statement.RenameObject || s instanceof Statement.AlterIndex || s instanceof Statement.Grant
                || s instanceof Statement.CreateView || s instanceof Statement.CreateFunction) {
            return 2;
        }
        if (s instanceof Statement.Cluster || s instanceof Statement.Vacuum) {
            return 1;
        }
        return 1;
    }

    /** Where an unsafe verdict sends the reader for the safe version, written and proven. */
    static final String PLAN_POINTER = "Run the plan goal (mvn migration:plan, or migration-agent plan) for a"
            + " verified multi-step version with rollbacks: it writes target/migration-agent/plan/plan.md.";

    static String recommendedApproach(List<Finding> active, boolean safe) {
        if (safe) {
            long warnings = active.stream().filter(f -> f.severity() == Severity.WARNING).count();
            return "Deploy as written." + (warnings > 0 ? " Review the " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") + " first (for example, set lock_timeout before DDL)." : "");
        }
        Set<String> steps = new LinkedHashSet<>();
        for (Finding f : active) {
            if (f.severity() == Severity.ERROR) {
                String first = f.fix().lines().findFirst().orElse("").strip();
                steps.add(f.ruleId() + " at " + f.position() + ": " + first);
            }
        }
        StringBuilder b = new StringBuilder("Do not deploy as written. Split the change into safe steps:");
        int i = 1;
        for (String s : steps) {
            b.append(' ').append(i++).append(") ").append(s);
        }
        // The steps above say what to do; the planner writes it, proven on a shadow, so point there.
        return b.append(' ').append(PLAN_POINTER).toString();
    }
}
