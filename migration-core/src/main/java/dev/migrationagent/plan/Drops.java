package dev.migrationagent.plan;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops and renames that clients notice, as contract steps in later releases: what goes is first kept (renamed
 * aside or copied) so a rollback can bring it back, and destroyed for good only in the release after that.
 */
final class Drops {
    private Drops() {}

    static String relation(Planner.Steps out, Statement.Drop d, String text) throws SQLException {
        if (d.names().size() != 1) {
            return "one DROP per object, so each can be planned and rolled back on its own";
        }
        if (d.cascade()) {
            return "DROP ... CASCADE also drops whatever depends on the object, unseen: drop the dependants first";
        }
        QualifiedName name = d.names().get(0);
        String kind = out.catalog.kind(name);
        if (kind == null) {
            return d.ifExists() ? Passthrough.plan(out, d, text) : d.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " " + name.display() + " does not exist";
        }
        List<String> dependants = out.catalog.dependentViews(name);
        if (!dependants.isEmpty()) {
            return "views depend on " + name.display() + " (" + String.join(", ", dependants) + "): the drop fails; "
                    + "drop or redefine them first";
        }
        String schema = name.schema() != null ? name.schema() : out.catalog.schemaOf(name);
        if (d.kind() == ObjectKind.TABLE) {
            return table(out, name, schema);
        }
        String definition = out.catalog.viewDefinition(name);
        boolean materialized = "m".equals(kind);
        String create = (materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") + name.toSql() + " AS\n"
                + Sql.bare(definition);
        out.add(new Step("drop " + (materialized ? "materialized view " : "view ") + name.name(),
                "Contract step for a later release, once no running code reads the view. The rollback recreates it "
                + "from the definition it has now.", StepKind.CATALOG, 2, List.of(text), List.of(create), true, null,
                2));
        return null;
    }

    private static String table(Planner.Steps out, QualifiedName table, String schema) throws SQLException {
        String t = table.toSql();
        if (!out.settings.backup()) {
            out.add(new Step("drop table " + table.name(), "Contract step for a later release, once no running code "
                    + "uses the table.", StepKind.CATALOG, 2, List.of("DROP TABLE " + t), List.of(), true, null,
                    5).irreversible("table " + table.display() + " and all its rows are gone", 5));
            return null;
        }
        String aside = Sql.derived(table.name(), "_dropped");
        QualifiedName kept = Sql.sibling(table, aside);
        out.add(new Step("rename table " + table.name() + " aside",
                "Contract step for a later release, once no running code uses the table: renaming it aside is what "
                + "clients see of a drop, but the rows stay and the rollback renames it back.", StepKind.CATALOG, 2,
                List.of("ALTER TABLE " + t + " RENAME TO " + Sql.id(aside)),
                List.of("ALTER TABLE " + kept.toSql() + " RENAME TO " + Sql.id(table.name())), true, null, 2));
        out.add(new Step("drop table " + aside, "Final contract step, a release later still, when nobody asked for "
                + "the table back.", StepKind.CATALOG, 3, List.of("DROP TABLE " + kept.toSql()), List.of(), true,
                null, 5).irreversible("table " + kept.display() + " (the former " + table.display()
                + ") and all its rows are gone", 5));
        return null;
    }

    // Snapshot keys of a table and of everything named after it (its columns, constraints, indexes, triggers).
    private static String prefixes(String schema, String table) {
        return schema + "." + table;
    }

    static String column(Planner.Steps out, QualifiedName table, AlterAction.DropColumn d) throws SQLException {
        Catalog.ColumnInfo col = out.catalog.column(table, d.column());
        if (col == null) {
            return d.ifExists() ? null : "column " + d.column() + " does not exist in " + table.display();
        }
        if (d.cascade()) {
            return "DROP COLUMN ... CASCADE also drops what depends on the column, unseen: drop those first";
        }
        List<String> dependants = out.catalog.dependentViews(table);
        String t = table.toSql();
        String qc = Sql.id(d.column());
        String schema = table.schema() != null ? table.schema() : out.catalog.schemaOf(table);
        List<Catalog.ColumnInfo> key = out.catalog.primaryKey(table);
        String drop = "ALTER TABLE " + t + " DROP COLUMN " + qc;
        List<String> restoreDefinition = new ArrayList<>();
        restoreDefinition.add("ALTER TABLE " + t + " ADD COLUMN " + qc + " " + col.type()
                + (col.defaultExpr() == null ? "" : " DEFAULT " + col.defaultExpr()));
        List<String> constraints = out.catalog.constraintsOn(table, d.column());
        List<String> indexes = out.catalog.indexDefinitionsOn(table, d.column());
        boolean keyed = key.size() == 1 && !key.get(0).name().equals(d.column());
        if (!dependants.isEmpty()) {
            return "views depend on " + table.display() + " (" + String.join(", ", dependants) + "): check that "
                    + "none uses " + d.column() + ", or redefine them first";
        }
        if (!out.settings.backup() || !keyed) {
            out.add(new Step("drop column " + d.column(), "Contract step for a later release, once no running code "
                    + "reads or writes the column. Catalog work only.", StepKind.CATALOG, 2, List.of(drop),
                    List.of(), true, null, 5).irreversible("the values of " + table.display() + "."
                    + d.column() + " are gone" + (keyed ? "" : " (no single-column primary key to back them up by)"), 5));
            return null;
        }
        String k = Sql.id(key.get(0).name());
        QualifiedName backup = Sql.sibling(table, Sql.derived(table.name() + "_" + d.column(), "_backup"));
        List<String> restore = new ArrayList<>(restoreDefinition);
        restore.add("UPDATE " + t + " SET " + qc + " = b." + qc + " FROM " + backup.toSql() + " b WHERE " + t + "."
                + k + " = b." + k);
        if (col.notNull()) {
            restore.add("ALTER TABLE " + t + " ALTER COLUMN " + qc + " SET NOT NULL");
        }
        restore.addAll(constraints);
        restore.addAll(indexes);
        restore.add("DROP TABLE " + backup.toSql());
        out.add(new Step("back up and drop column " + d.column(),
                "Contract step for a later release, once no running code reads or writes the column. The values are "
                + "copied to " + backup.display() + " (a read that blocks no writes), then the column is dropped "
                + "(catalog work only); the rollback adds it back and restores the values from the copy.",
                StepKind.CATALOG, 2, List.of("CREATE TABLE " + backup.toSql() + " AS SELECT " + k + ", " + qc
                + " FROM " + t, drop), restore, true, null, 4));
        out.add(new Step("drop backup of column " + d.column(), "Final contract step, a release later still, when "
                + "nobody asked for the values back.", StepKind.CATALOG, 3, List.of("DROP TABLE " + backup.toSql()),
                List.of(), true, null, 5).irreversible("the backed-up values of " + table.display() + "."
                + d.column() + " are gone", 5));
        return null;
    }

    static String renameTable(Planner.Steps out, QualifiedName table, String to, String text) throws SQLException {
        if (out.catalog.oid(table) == 0) {
            return Passthrough.plan(out, new Statement.AlterTable(table, false, List.of(new AlterAction.RenameTable(
                    to))), text);
        }
        QualifiedName renamed = Sql.sibling(table, to);
        String view = "CREATE VIEW " + table.toSql() + " AS SELECT * FROM " + renamed.toSql();
        out.add(Step.of("rename table " + table.name() + " to " + to + " behind a view",
                "Renaming breaks every client that uses the old name. A simple view with the old name keeps it "
                + "working for reads and writes (PostgreSQL updates such views automatically); both are catalog "
                + "work.", StepKind.CATALOG, List.of(text, view), List.of("DROP VIEW IF EXISTS " + table.toSql(),
                        "ALTER TABLE " + renamed.toSql() + " RENAME TO " + Sql.id(table.name())), 2));
        out.add(new Step("drop compatibility view " + table.name(), "Contract step for a later release, once no "
                + "running code uses the old name.", StepKind.CATALOG, 2, List.of("DROP VIEW " + table.toSql()),
                List.of(view), true, null, 2));
        return null;
    }
}
