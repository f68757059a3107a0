package dev.migrationagent.report;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Category;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.LockEstimate;
import dev.migrationagent.api.PerformanceImpact;
import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.api.ScriptInfo;
import dev.migrationagent.api.Severity;
import java.util.List;

/** A hand-built analysis that exercises quoting, unicode paths, multi-line fixes and suppression. */
final class SampleAnalysis {
    static final String DIR = "src/main/resources/db/migration/";

    private SampleAnalysis() {}

    static Analysis unsafe() {
        return new Analysis(false, true, PerformanceImpact.HIGH, 42.5, true, 3,
                "Ship the index with CREATE INDEX CONCURRENTLY in a migration of its own, and split the rename "
                        + "into expand and contract releases.",
                List.of(createIndex(), backfill(), rename()),
                List.of(new ScriptInfo(DIR + "V1__init.sql", "1", "init", true, false, 3),
                        new ScriptInfo(DIR + "V2__café.sql", "2", "café", true, true, 2),
                        new ScriptInfo(DIR + "V3__rename.sql", "3", "rename", true, true, 1),
                        new ScriptInfo(DIR + "R__views.sql", null, "views", true, true, 1)),
                rules(), 16,
                List.of(new LockEstimate(DIR + "V2__café.sql", 3, 1, 42.5, false,
                                "SHARE on orders (~50,000,000 rows) during an index build; blocks writes"),
                        new LockEstimate(DIR + "R__views.sql", 1, 1, null, true, "unbounded wait: CONCURRENTLY")));
    }

    static Analysis safe() {
        return new Analysis(true, false, PerformanceImpact.LOW, 0.0, false, 1, "Deploy as written.",
                List.of(backfill()), List.of(new ScriptInfo(DIR + "V2__café.sql", "2", "café", true, true, 2)),
                rules(), 17);
    }

    static List<RuleInfo> rules() {
        return List.of(
                new RuleInfo("ban-rename-column", List.of(), Category.BREAKING_CHANGE, Severity.ERROR,
                        "Renaming a column breaks running clients", "docs/rules/ban-rename-column.md"),
                new RuleInfo("require-concurrent-index", List.of("create-index-concurrently"),
                        Category.BLOCKING_LOCK, Severity.ERROR, "Create indexes concurrently",
                        "docs/rules/require-concurrent-index.md"),
                new RuleInfo("unbatched-backfill", List.of(), Category.BLOCKING_LOCK, Severity.WARNING,
                        "Backfill large tables in batches", "docs/rules/unbatched-backfill.md"));
    }

    static Finding createIndex() {
        return new Finding("require-concurrent-index", Category.BLOCKING_LOCK, Severity.ERROR,
                DIR + "V2__café.sql", 4, 1, "CREATE INDEX idx_orders_note\n    ON orders (note)",
                "CREATE INDEX blocks writes to \"orders\" (about 50,000,000 rows) for about 42.5 s on PostgreSQL 16.",
                "Build the index without blocking writes, outside a transaction:\n"
                        + "CREATE INDEX CONCURRENTLY idx_orders_note ON orders (note);",
                42.5, Evidence.INFERRED, null);
    }

    static Finding backfill() {
        return new Finding("unbatched-backfill", Category.BLOCKING_LOCK, Severity.WARNING,
                DIR + "V2__café.sql", 9, 1, "UPDATE orders SET note = 'it''s \"done\" | ok' WHERE note IS NULL",
                "One UPDATE locks every matching row until it commits.",
                "Update in batches of 10,000 rows by primary key.", null, Evidence.INFERRED,
                "orders_archive | has 200 rows, checked by the DBA");
    }

    static Finding rename() {
        return new Finding("ban-rename-column", Category.BREAKING_CHANGE, Severity.ERROR,
                DIR + "V3__rename.sql", 2, 3, "ALTER TABLE \"order items\" RENAME COLUMN qty TO quantity",
                "Renaming qty breaks the running version of every service that still reads it.",
                "Add quantity, write both columns, backfill, move readers, and drop qty in a later release.",
                null, Evidence.TRACED, null);
    }
}
