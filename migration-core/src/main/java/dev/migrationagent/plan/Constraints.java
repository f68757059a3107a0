package dev.migrationagent.plan;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Constraints added without a long lock: NOT VALID then VALIDATE, or a unique index built concurrently first. */
final class Constraints {
    private Constraints() {}

    static String add(Planner.Steps out, QualifiedName table, ConstraintDef k, String text) throws SQLException {
        if (out.catalog.oid(table) == 0 || k.usingIndex() != null) {
            return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(table, false,
                    List.of(new AlterAction.AddConstraint(k))), text);
        }
        String name = k.name() != null ? k.name() : generatedName(out, table, text);
        if (name == null) {
            return "the server gives this constraint no name the plan can refer to: name it";
        }
        String t = table.toSql();
        String qn = Sql.id(name);
        if (k.kind() == ConstraintDef.Kind.CHECK || k.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            String notValid = k.notValid() ? text : (k.name() != null ? text : named(text, table, name)) + " NOT VALID";
            out.add(Step.of("add " + name + " not valid",
                    "NOT VALID makes adding the constraint catalog work only: it holds for new and changed rows at "
                    + "once" + (k.kind() == ConstraintDef.Kind.FOREIGN_KEY ? " (the brief SHARE ROW EXCLUSIVE lock "
                    + "also falls on the referenced table)" : "") + ".", StepKind.CATALOG, List.of(notValid),
                    List.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + qn), 1));
            if (!k.notValid()) {
                out.add(validateStep(t, name));
            }
            return null;
        }
        if (k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                for (String col : k.columns()) {
                    Catalog.ColumnInfo info = out.catalog.column(table, col);
                    if (info == null) {
                        return "column " + col + " does not exist in " + table.display();
                    }
                    if (!info.notNull()) {
                        String err = Columns.setNotNull(out, table, col, 1);
                        if (err != null) {
                            return err;
                        }
                    }
                }
            }
            QualifiedName index = Sql.sibling(table, name);
            List<String> cols = new ArrayList<>();
            k.columns().forEach(col -> cols.add(Sql.id(col)));
            out.add(Step.of("build unique index " + name + " concurrently",
                    "The index behind the constraint is built concurrently, without blocking writes; a failed build "
                    + "leaves an INVALID index that the guard drops before the retry.", StepKind.CONCURRENT,
                    Indexes.guarded(index, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + qn + " ON " + t
                            + " (" + String.join(", ", cols) + ")"),
                    List.of("DROP INDEX CONCURRENTLY IF EXISTS " + index.toSql()), 1).rollbackOutsideTransaction());
            String kind = k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
            out.add(Step.of("add " + name + " using the index",
                    "ADD CONSTRAINT ... USING INDEX adopts the built index: catalog work only.", StepKind.CATALOG,
                    List.of("ALTER TABLE " + t + " ADD CONSTRAINT " + qn + " " + kind + " USING INDEX " + qn),
                    // Dropping the constraint drops its index too: the rollback builds the index again, concurrently.
                    List.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + qn, "CREATE UNIQUE INDEX "
                            + "CONCURRENTLY IF NOT EXISTS " + qn + " ON " + t + " (" + String.join(", ", cols) + ")"),
                    2).rollbackOutsideTransaction());
            return null;
        }
        return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(table, false,
                List.of(new AlterAction.AddConstraint(k))), text);
    }

    private static String generatedName(Planner.Steps out, QualifiedName table, String text) throws SQLException {
        Set<String> created = out.catalog.namesCreatedBy(text, table);
        return created.size() == 1 ? created.iterator().next() : null;
    }

    // "ALTER TABLE t ADD CHECK (...)" → "ALTER TABLE t ADD CONSTRAINT name CHECK (...)", so VALIDATE can name it.
    private static String named(String text, QualifiedName table, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bADD\\s+").matcher(text);
        if (!m.find()) {
            return text;
        }
        return text.substring(0, m.end()) + "CONSTRAINT " + Sql.id(name) + " " + text.substring(m.end());
    }

    static Step validateStep(String table, String name) {
        return Step.of("validate " + name, "VALIDATE CONSTRAINT checks existing rows under SHARE UPDATE EXCLUSIVE, "
                + "which blocks neither reads nor writes; it runs in a transaction of its own so no stronger lock "
                + "taken earlier is held while it scans.", StepKind.VALIDATE,
                List.of("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + Sql.id(name)), List.of(unvalidate(table,
                        name)), 2);
    }

    /**
     * A statement that turns a validated constraint back into a NOT VALID one: PostgreSQL has no direct way, so it
     * is dropped and added again NOT VALID from its own definition, read when the rollback runs.
     */
    static String unvalidate(String table, String name) {
        return """
                DO $undo$
                DECLARE definition text;
                BEGIN
                    SELECT pg_get_constraintdef(oid) INTO definition FROM pg_constraint
                    WHERE conrelid = to_regclass(%1$s) AND conname = %2$s;
                    EXECUTE format('ALTER TABLE %%s DROP CONSTRAINT %%I, ADD CONSTRAINT %%I %%s NOT VALID', %1$s, %2$s,
                        %2$s, definition);
                END
                $undo$""".formatted(Sql.literal(table), Sql.literal(name));
    }

    static String validate(Planner.Steps out, QualifiedName table, String name, String text) {
        out.add(validateStep(table.toSql(), name));
        return null;
    }

    /**
     * ATTACH PARTITION scans the partition under ACCESS EXCLUSIVE unless a validated CHECK already proves its bound:
     * the CHECK is added NOT VALID and validated first, and dropped after the attach.
     */
    static String attach(Planner.Steps out, QualifiedName parent, AlterAction.AttachPartition attach, String text)
            throws SQLException {
        if (!out.catalog.checkConstraints(attach.partition()).isEmpty()) {
            // A CHECK the user added may already prove the bound; the proof loop's analysis tells whether it does.
            return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(parent, false,
                    List.of(attach)), text);
        }
        String key = out.catalog.partitionKey(parent);
        String check = key == null ? null : BoundCheck.of(key, attach.bound());
        if (check == null) {
            return "the partition bound cannot be turned into a CHECK (multi-column, expression or hash keys): "
                    + "add a validated CHECK that matches the bound by hand before ATTACH";
        }
        QualifiedName part = attach.partition();
        String p = part.toSql();
        String raw = Sql.derived(part.name(), "_bound");
        String name = Sql.id(raw);
        out.add(Step.of("add bound check to " + part.name() + " not valid", "A CHECK that matches the partition "
                + "bound lets ATTACH PARTITION skip its scan; added NOT VALID it is catalog work only.",
                StepKind.CATALOG, List.of("ALTER TABLE " + p + " ADD CONSTRAINT " + name + " CHECK (" + check
                        + ") NOT VALID"), List.of("ALTER TABLE " + p + " DROP CONSTRAINT IF EXISTS " + name), 1));
        out.add(validateStep(p, raw));
        out.add(Step.of("attach " + part.name(), "With the bound proven, ATTACH PARTITION is catalog work; the "
                + "helper CHECK is then redundant.", StepKind.CATALOG, List.of(text, "ALTER TABLE " + p
                + " DROP CONSTRAINT " + name), List.of("ALTER TABLE " + parent.toSql() + " DETACH PARTITION " + p,
                "ALTER TABLE " + p + " ADD CONSTRAINT " + name + " CHECK (" + check + ") NOT VALID",
                "ALTER TABLE " + p + " VALIDATE CONSTRAINT " + name), 2));
        return null;
    }
}
