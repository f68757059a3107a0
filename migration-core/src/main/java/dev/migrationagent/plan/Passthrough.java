package dev.migrationagent.plan;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.IndexStatements;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Statements that are safe as written: they become a step as they are, with a rollback derived from the schema
 * before them. A statement whose undo is not known is kept, marked as having none.
 */
final class Passthrough {
    private Passthrough() {}

    /** Whether an ALTER TABLE action is catalog work that needs no plan of its own. */
    static boolean catalogOnly(AlterAction a) {
        return a instanceof AlterAction.SetDefault || a instanceof AlterAction.DropNotNull
                || a instanceof AlterAction.RenameConstraint || a instanceof AlterAction.DropConstraint
                || a instanceof AlterAction.AddConstraint k && k.constraint().notValid()
                || a instanceof AlterAction.AddColumn c && !c.column().notNull() && c.column().defaultExpr() == null
                        && !c.column().identity() && c.column().generatedExpr() == null
                        && !c.column().type().isSerial() && c.column().constraints().isEmpty();
    }

    static String plan(Planner.Steps out, Statement s, String text) throws SQLException {
        StepKind kind = needsAutocommit(s) ? StepKind.AUTOCOMMIT : StepKind.CATALOG;
        List<String> undo = undo(out, s);
        String first = text.lines().findFirst().orElse("").strip();
        String description = describe(s);
        if (undo == null) {
            boolean rows = s instanceof Statement.Insert || s instanceof Statement.Update || s instanceof Statement.Delete;
            out.add(Step.of(description, "Safe as written.", kind, List.of(text), List.of(), 4)
                    .irreversible(rows ? "the rows \"" + first + "\" changed stay changed; only a backup restores "
                            + "them" : "no rollback is known for \"" + first + "\": write its undo by hand", 4));
        } else {
            Step step = Step.of(description, "Safe as written.", kind, List.of(text), undo, level(s));
            boolean concurrentUndo = undo.stream().anyMatch(u -> u.contains(" CONCURRENTLY "));
            out.add(kind.transactional() && !concurrentUndo ? step : step.rollbackOutsideTransaction());
        }
        return null;
    }

    private static boolean needsAutocommit(Statement s) {
        return s instanceof Statement.Vacuum || s instanceof Statement.DoBlock d && d.commits()
                || s instanceof Statement.RefreshMaterializedView r && r.concurrently()
                || s instanceof Statement.AlterTable at && at.actions().stream().anyMatch(
                        a -> a instanceof AlterAction.DetachPartition d && d.concurrently());
    }

    private static int level(Statement s) {
        if (s instanceof Statement.Insert || s instanceof Statement.Update || s instanceof Statement.Delete) {
            return 4;
        }
        if (s instanceof Statement.AlterTable || s instanceof Statement.CreateView
                || s instanceof Statement.CreateFunction) {
            return 2;
        }
        return 1;
    }

    private static String describe(Statement s) {
        String name = s.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        QualifiedName target = target(s);
        return target == null ? name : name + " " + target.name();
    }

    private static QualifiedName target(Statement s) {
        if (s instanceof Statement.CreateTable t) {
            return t.table();
        }
        if (s instanceof Statement.AlterTable t) {
            return t.table();
        }
        if (s instanceof Statement.CreateView v) {
            return v.view();
        }
        if (s instanceof Statement.CreateType t) {
            return t.type();
        }
        if (s instanceof Statement.CreateSequence q) {
            return q.sequence();
        }
        if (s instanceof Statement.CreateFunction f) {
            return f.function();
        }
        if (s instanceof Statement.Insert i) {
            return i.table();
        }
        return null;
    }

    // The statements that undo s, read before s runs; null when no undo is known; empty when there is nothing to undo.
    private static List<String> undo(Planner.Steps out, Statement s) throws SQLException {
        Catalog catalog = out.catalog;
        if (s instanceof Statement.CreateTable t) {
            return t.ifNotExists() && catalog.oid(t.table()) != 0 ? List.of()
                    : List.of("DROP TABLE IF EXISTS " + t.table().toSql());
        }
        if (s instanceof Statement.CreateView v) {
            String old = catalog.viewDefinition(v.view());
            if (old != null) {
                // CREATE OR REPLACE cannot drop the columns the new definition added: drop and create instead.
                return v.orReplace() ? List.of("DROP VIEW " + v.view().toSql(), "CREATE VIEW " + v.view().toSql()
                        + " AS\n" + Sql.bare(old)) : List.of();
            }
            return List.of("DROP " + (v.materialized() ? "MATERIALIZED VIEW" : "VIEW") + " IF EXISTS "
                    + v.view().toSql());
        }
        if (s instanceof Statement.CreateSequence q) {
            return List.of("DROP SEQUENCE IF EXISTS " + q.sequence().toSql());
        }
        if (s instanceof Statement.CreateType t) {
            return List.of("DROP " + (t.kind() == Statement.CreateType.Kind.DOMAIN ? "DOMAIN" : "TYPE")
                    + " IF EXISTS " + t.type().toSql());
        }
        if (s instanceof Statement.CreateFunction f) {
            String old = catalog.functionDefinition(f.function());
            if (old != null) {
                return f.orReplace() ? List.of(old) : List.of();
            }
            return List.of("DROP " + (f.procedure() ? "PROCEDURE" : "FUNCTION") + " IF EXISTS "
                    + f.function().toSql());
        }
        if (s instanceof Statement.CreateSchema c) {
            return List.of("DROP SCHEMA IF EXISTS " + Sql.id(c.schema()));
        }
        if (s instanceof Statement.CreateExtension e) {
            return List.of("DROP EXTENSION IF EXISTS " + Sql.id(e.extension()));
        }
        if (s instanceof Statement.CreateTrigger t) {
            return List.of("DROP TRIGGER IF EXISTS " + Sql.id(t.name()) + " ON " + t.table().toSql());
        }
        if (s instanceof Statement.CreateIndex i && i.name() != null) {
            return List.of("DROP INDEX IF EXISTS " + Sql.sibling(i.table(), i.name()).toSql());
        }
        if (s instanceof Statement.Insert i && out.isNew(i.table())) {
            // Every row of a table this script created came from this script.
            return List.of("DELETE FROM " + i.table().toSql());
        }
        if (s instanceof Statement.Insert || s instanceof Statement.Update || s instanceof Statement.Delete) {
            // Rows changed in a table that others write cannot be told apart afterwards.
            return null;
        }
        if (s instanceof Statement.Comment || s instanceof Statement.Analyze || s instanceof Statement.Vacuum
                || s instanceof Statement.RefreshMaterializedView
                || s instanceof Statement.Drop d && d.ifExists() && d.names().stream().allMatch(n -> absent(out, n))) {
            // Nothing in the schema to restore.
            return List.of();
        }
        if (s instanceof Statement.AlterTable at) {
            List<String> undo = new ArrayList<>();
            for (AlterAction a : at.actions()) {
                List<String> one = undo(catalog, at.table(), a);
                if (one == null) {
                    return null;
                }
                undo.addAll(one);
            }
            Collections.reverse(undo);
            return undo;
        }
        return null;
    }

    private static boolean absent(Planner.Steps out, QualifiedName name) {
        try {
            return out.catalog.oid(name) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<String> undo(Catalog catalog, QualifiedName table, AlterAction a) throws SQLException {
        String t = "ALTER TABLE " + table.toSql() + " ";
        if (catalog.oid(table) == 0) {
            return null;
        }
        if (a instanceof AlterAction.AddColumn c) {
            return List.of(t + "DROP COLUMN IF EXISTS " + Sql.id(c.column().name()));
        }
        if (a instanceof AlterAction.AddConstraint k && k.constraint().usingIndex() != null) {
            // The constraint adopts the index, and dropping the constraint drops the index with it: build it again.
            Catalog.IndexInfo index = catalog.index(Sql.sibling(table, k.constraint().usingIndex()));
            String name = k.constraint().name() != null ? k.constraint().name() : k.constraint().usingIndex();
            return index == null ? null : List.of(t + "DROP CONSTRAINT IF EXISTS " + Sql.id(name),
                    IndexStatements.concurrent(index.definition()));
        }
        if (a instanceof AlterAction.AddConstraint k && k.constraint().name() != null) {
            return List.of(t + "DROP CONSTRAINT IF EXISTS " + Sql.id(k.constraint().name()));
        }
        if (a instanceof AlterAction.SetDefault d) {
            Catalog.ColumnInfo c = catalog.column(table, d.column());
            return c == null ? null : List.of(t + "ALTER COLUMN " + Sql.id(d.column()) + (c.defaultExpr() == null
                    ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultExpr()));
        }
        if (a instanceof AlterAction.DropDefault d) {
            Catalog.ColumnInfo c = catalog.column(table, d.column());
            return c == null || c.defaultExpr() == null ? List.of()
                    : List.of(t + "ALTER COLUMN " + Sql.id(d.column()) + " SET DEFAULT " + c.defaultExpr());
        }
        if (a instanceof AlterAction.DropNotNull d) {
            Catalog.ColumnInfo c = catalog.column(table, d.column());
            return c == null || !c.notNull() ? List.of()
                    : List.of(t + "ALTER COLUMN " + Sql.id(d.column()) + " SET NOT NULL");
        }
        if (a instanceof AlterAction.DropConstraint d) {
            String[] k = catalog.constraint(table, d.name());
            return k == null ? List.of() : List.of(t + "ADD CONSTRAINT " + Sql.id(d.name()) + " " + k[0]
                    + ("true".equals(k[1]) ? "" : " NOT VALID"));
        }
        if (a instanceof AlterAction.RenameConstraint r) {
            return List.of(t + "RENAME CONSTRAINT " + Sql.id(r.to()) + " TO " + Sql.id(r.from()));
        }
        if (a instanceof AlterAction.RenameColumn r) {
            return List.of(t + "RENAME COLUMN " + Sql.id(r.to()) + " TO " + Sql.id(r.from()));
        }
        if (a instanceof AlterAction.AlterColumnType c) {
            Catalog.ColumnInfo old = catalog.column(table, c.column());
            return old == null ? null : List.of(t + "ALTER COLUMN " + Sql.id(c.column()) + " TYPE " + old.type());
        }
        if (a instanceof AlterAction.ValidateConstraint) {
            return List.of();
        }
        if (a instanceof AlterAction.AttachPartition p) {
            return List.of(t + "DETACH PARTITION " + p.partition().toSql());
        }
        if (a instanceof AlterAction.DetachPartition p) {
            String bound = catalog.partitionBound(p.partition());
            return bound == null ? null : List.of(t + "ATTACH PARTITION " + p.partition().toSql() + " " + bound);
        }
        if (a instanceof AlterAction.SetNotNull n) {
            return List.of(t + "ALTER COLUMN " + Sql.id(n.column()) + " DROP NOT NULL");
        }
        return null;
    }
}
