package dev.migrationagent.simulate;

import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.KnownRow;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.schema.View;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
import dev.migrationagent.sql.TypeName;
import dev.migrationagent.sql.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Predicts how a statement fails before it runs: against the schema model (missing or duplicate objects,
 * dependent views), the server version (syntax it lacks), the transaction structure (statements that cannot run
 * in a transaction block) and the rows migrations inserted (constraints they violate).
 */
public final class Simulator {
    /**
     * Facts about where the statement runs.
     *
     * @param pg target major version
     * @param inTransaction inside a transaction block
     * @param labelsAddedInTransaction enum labels added earlier in the same transaction, by type
     * @param tableHasRows whether a table certainly has rows (statistics or inserted rows)
     */
    public record Situation(int pg, boolean inTransaction, Map<QualifiedName, Set<String>> labelsAddedInTransaction,
            java.util.function.Predicate<QualifiedName> tableHasRows) {}

    private Simulator() {}

    /** The failures this statement will hit; empty when it is expected to succeed. */
    public static List<Problem> predict(Statement s, SchemaModel model, Situation where) {
        List<Problem> out = new ArrayList<>();
        versionAndTransaction(s, where, out);
        if (model.isAuthoritative()) {
            objects(s, model, out);
        }
        data(s, model, where, out);
        newEnumLabels(s, where, out);
        return out;
    }

    private static void fails(List<Problem> out, String state, String message) {
        out.add(new Problem(Problem.Kind.FAILS, state, message));
    }

    private static void versionAndTransaction(Statement s, Situation w, List<Problem> out) {
        String noTx = null;
        if (s instanceof Statement.CreateIndex ci && ci.concurrently()) {
            noTx = "CREATE INDEX CONCURRENTLY";
        } else if (s instanceof Statement.Drop d && d.concurrently()) {
            noTx = "DROP INDEX CONCURRENTLY";
        } else if (s instanceof Statement.Reindex r && r.concurrently()) {
            if (w.pg() < 12) {
                fails(out, "42601", "REINDEX ... CONCURRENTLY needs PostgreSQL 12 or later (target is "
                        + w.pg() + ")");
                return;
            }
            noTx = "REINDEX CONCURRENTLY";
        } else if (s instanceof Statement.Vacuum) {
            noTx = "VACUUM";
        } else if (s instanceof Statement.AlterType at && at.action() == Statement.AlterType.Action.ADD_VALUE
                && w.pg() < 12) {
            noTx = "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
        } else if (s instanceof Statement.DoBlock d && d.commits() && w.inTransaction()) {
            fails(out, "2D000", "invalid transaction termination: a DO block cannot COMMIT inside a transaction block");
        } else if (s instanceof Statement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.DetachPartition dp && dp.concurrently()) {
                    if (w.pg() < 14) {
                        fails(out, "42601", "DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14 or later (target is "
                                + w.pg() + ")");
                        return;
                    }
                    noTx = "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
                } else if (a instanceof AlterAction.AddColumn ac && ac.column().generatedExpr() != null
                        && w.pg() < 12) {
                    fails(out, "42601", "generated columns (GENERATED ALWAYS AS ... STORED) need PostgreSQL 12 or "
                            + "later (target is " + w.pg() + ")");
                } else if (a instanceof AlterAction.Other o && o.keyword().equals("SET ACCESS METHOD")
                        && w.pg() < 15) {
                    fails(out, "42601", "SET ACCESS METHOD needs PostgreSQL 15 or later (target is " + w.pg() + ")");
                } else if (a instanceof AlterAction.Other o && o.keyword().equals("ALTER COLUMN SET EXPRESSION")
                        && w.pg() < 17) {
                    fails(out, "42601", "SET EXPRESSION needs PostgreSQL 17 or later (target is " + w.pg() + ")");
                }
            }
        } else if (s instanceof Statement.CreateTable ct && w.pg() < 12) {
            for (ColumnDef c : ct.columns()) {
                if (c.generatedExpr() != null) {
                    fails(out, "42601", "generated columns need PostgreSQL 12 or later (target is " + w.pg() + ")");
                }
            }
        }
        if (noTx != null && w.inTransaction()) {
            fails(out, "25001", noTx + " cannot run inside a transaction block");
        }
    }

    private static void objects(Statement s, SchemaModel m, List<Problem> out) {
        if (s instanceof Statement.AlterTable at) {
            Table t = m.table(at.table());
            if (t == null) {
                if (!at.ifExists() && m.view(at.table()) == null) {
                    fails(out, "42P01", "relation " + at.table().display() + " does not exist");
                }
                return;
            }
            alterTable(at, t, m, out);
        } else if (s instanceof Statement.CreateTable ct) {
            if (!ct.ifNotExists() && (m.table(ct.table()) != null || m.view(ct.table()) != null)) {
                fails(out, "42P07", "relation " + ct.table().display() + " already exists");
            }
            if (ct.partitionOf() != null && m.table(ct.partitionOf()) == null) {
                fails(out, "42P01", "relation " + ct.partitionOf().display() + " does not exist");
            }
            references(ct, m, out);
        } else if (s instanceof Statement.CreateIndex ci) {
            if (m.table(ci.table()) == null && m.view(ci.table()) == null) {
                fails(out, "42P01", "relation " + ci.table().display() + " does not exist");
            } else if (ci.name() != null && !ci.ifNotExists()
                    && m.index(new QualifiedName(SchemaModel.resolve(ci.table()).schema(), ci.name())) != null) {
                fails(out, "42P07", "relation " + QualifiedName.quote(ci.name()) + " already exists");
            }
        } else if (s instanceof Statement.Drop d && !d.ifExists()) {
            drop(d, m, out);
        } else if (s instanceof Statement.Drop d) {
            dependents(d, m, out);
        } else if (s instanceof Statement.CreateView cv) {
            View old = m.view(cv.view());
            if (old == null && m.table(cv.view()) != null) {
                fails(out, "42P07", "relation " + cv.view().display() + " already exists");
            } else if (old != null && !cv.orReplace() && !cv.ifNotExists()) {
                fails(out, "42P07", "relation " + cv.view().display() + " already exists");
            } else if (old != null && cv.orReplace() && old.columns() != null && cv.columns() != null) {
                for (int i = 0; i < old.columns().size(); i++) {
                    if (i >= cv.columns().size()) {
                        fails(out, "42P16", "cannot drop columns from view " + cv.view().display()
                                + " (CREATE OR REPLACE VIEW may only add columns at the end)");
                        break;
                    }
                    if (!old.columns().get(i).equals(cv.columns().get(i))) {
                        fails(out, "42P16", "cannot change name of view column \"" + old.columns().get(i) + "\" to \""
                                + cv.columns().get(i) + "\"");
                        break;
                    }
                }
            }
        } else if (s instanceof Statement.CreateType ct && m.typeExists(ct.type())) {
            fails(out, "42710", "type " + ct.type().display() + " already exists");
        } else if (s instanceof Statement.AlterType at) {
            List<String> labels = m.enumLabels(at.type());
            if (labels == null && !m.typeExists(at.type())) {
                fails(out, "42704", "type " + at.type().display() + " does not exist");
            } else if (labels != null && at.action() == Statement.AlterType.Action.ADD_VALUE && !at.ifNotExists()
                    && labels.contains(at.label())) {
                fails(out, "42710", "enum label \"" + at.label() + "\" already exists");
            } else if (labels != null && at.action() == Statement.AlterType.Action.RENAME_VALUE
                    && !labels.contains(at.label())) {
                fails(out, "22023", "\"" + at.label() + "\" is not an existing enum label");
            }
        } else if (s instanceof Statement.AlterIndex ai && !ai.ifExists() && m.index(ai.index()) == null) {
            fails(out, "42P01", "relation " + ai.index().display() + " does not exist");
        } else if (s instanceof Statement.Reindex r && r.name() != null && r.target() == ObjectKind.INDEX
                && m.index(r.name()) == null) {
            fails(out, "42P01", "relation " + r.name().display() + " does not exist");
        } else if (s instanceof Statement.Truncate tr) {
            for (QualifiedName t : tr.tables()) {
                if (m.table(t) == null) {
                    fails(out, "42P01", "relation " + t.display() + " does not exist");
                }
            }
        } else if (s instanceof Statement.CreateSchema cs && !cs.ifNotExists() && m.schemaExists(cs.schema())) {
            fails(out, "42P06", "schema " + QualifiedName.quote(cs.schema()) + " already exists");
        } else if (s instanceof Statement.Insert ins && m.table(ins.table()) == null && m.view(ins.table()) == null) {
            fails(out, "42P01", "relation " + ins.table().display() + " does not exist");
        } else if (s instanceof Statement.Update up && m.table(up.table()) == null && m.view(up.table()) == null) {
            fails(out, "42P01", "relation " + up.table().display() + " does not exist");
        } else if (s instanceof Statement.Delete del && m.table(del.table()) == null
                && m.view(del.table()) == null) {
            fails(out, "42P01", "relation " + del.table().display() + " does not exist");
        }
    }

    private static void references(Statement.CreateTable ct, SchemaModel m, List<Problem> out) {
        List<ConstraintDef> all = new ArrayList<>(ct.constraints());
        ct.columns().forEach(c -> all.addAll(c.constraints()));
        for (ConstraintDef k : all) {
            if (k.references() != null && m.table(k.references()) == null
                    && !SchemaModel.resolve(k.references()).equals(SchemaModel.resolve(ct.table()))) {
                fails(out, "42P01", "relation " + k.references().display() + " does not exist");
            }
        }
    }

    private static void alterTable(Statement.AlterTable at, Table t, SchemaModel m, List<Problem> out) {
        Set<String> added = new HashSet<>();
        for (AlterAction a : at.actions()) {
            String col = null;
            boolean mustExist = true;
            if (a instanceof AlterAction.AddColumn ac) {
                String name = ac.column().name();
                if (!ac.ifNotExists() && (t.column(name) != null || added.contains(name))) {
                    fails(out, "42701", "column \"" + name + "\" of relation " + t.name().display()
                            + " already exists");
                }
                added.add(name);
                for (ConstraintDef k : ac.column().constraints()) {
                    if (k.references() != null && m.table(k.references()) == null) {
                        fails(out, "42P01", "relation " + k.references().display() + " does not exist");
                    }
                }
                continue;
            } else if (a instanceof AlterAction.DropColumn dc) {
                col = dc.column();
                mustExist = !dc.ifExists();
                if (t.column(col) != null && !dc.cascade()) {
                    for (View v : m.viewsReading(t.name())) {
                        if (v.columns() == null || v.columns().contains(col)) {
                            fails(out, "2BP01", "cannot drop column " + col + " of table " + t.name().display()
                                    + " because view " + v.name().display() + " depends on it");
                            break;
                        }
                    }
                }
            } else if (a instanceof AlterAction.AlterColumnType act) {
                col = act.column();
                if (t.column(col) != null) {
                    for (View v : m.viewsReading(t.name())) {
                        if (v.columns() == null || v.columns().contains(col)) {
                            fails(out, "0A000", "cannot alter type of a column used by a view or rule (view "
                                    + v.name().display() + ")");
                            break;
                        }
                    }
                }
            } else if (a instanceof AlterAction.SetNotNull sn) {
                col = sn.column();
            } else if (a instanceof AlterAction.DropNotNull dn) {
                col = dn.column();
            } else if (a instanceof AlterAction.SetDefault sd) {
                col = sd.column();
            } else if (a instanceof AlterAction.DropDefault dd) {
                col = dd.column();
            } else if (a instanceof AlterAction.RenameColumn rc) {
                col = rc.from();
                if (t.column(rc.to()) != null) {
                    fails(out, "42701", "column \"" + rc.to() + "\" of relation " + t.name().display()
                            + " already exists");
                }
            } else if (a instanceof AlterAction.DropConstraint dc) {
                if (!dc.ifExists() && t.constraint(dc.name()) == null) {
                    fails(out, "42704", "constraint \"" + dc.name() + "\" of relation " + t.name().display()
                            + " does not exist");
                }
                continue;
            } else if (a instanceof AlterAction.ValidateConstraint vc) {
                if (t.constraint(vc.name()) == null) {
                    fails(out, "42704", "constraint \"" + vc.name() + "\" of relation " + t.name().display()
                            + " does not exist");
                }
                continue;
            } else if (a instanceof AlterAction.AddConstraint ac) {
                addConstraint(ac.constraint(), t, m, added, out);
                continue;
            } else if (a instanceof AlterAction.RenameTable rt) {
                if (m.table(new QualifiedName(t.name().schema(), rt.to())) != null) {
                    fails(out, "42P07", "relation " + QualifiedName.quote(rt.to()) + " already exists");
                }
                continue;
            } else if (a instanceof AlterAction.AttachPartition ap) {
                if (m.table(ap.partition()) == null) {
                    fails(out, "42P01", "relation " + ap.partition().display() + " does not exist");
                }
                continue;
            } else if (a instanceof AlterAction.Other o) {
                col = o.column();
            }
            if (col != null && mustExist && t.column(col) == null && !added.contains(col)) {
                fails(out, "42703", "column \"" + col + "\" of relation " + t.name().display() + " does not exist");
            }
        }
    }

    private static void addConstraint(ConstraintDef k, Table t, SchemaModel m, Set<String> added,
            List<Problem> out) {
        if (k.name() != null && t.constraint(k.name()) != null) {
            fails(out, "42710", "constraint \"" + k.name() + "\" for relation " + t.name().display()
                    + " already exists");
        }
        for (String c : k.columns()) {
            if (t.column(c) == null && !added.contains(c)) {
                fails(out, "42703", "column \"" + c + "\" named in key does not exist");
            }
        }
        if (k.references() != null && m.table(k.references()) == null) {
            fails(out, "42P01", "relation " + k.references().display() + " does not exist");
        }
        if (k.usingIndex() != null && m.index(new QualifiedName(t.name().schema(), k.usingIndex())) == null) {
            fails(out, "42704", "index \"" + k.usingIndex() + "\" does not exist");
        }
        if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY && t.constraints().stream()
                .anyMatch(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY)) {
            fails(out, "42P16", "multiple primary keys for table " + t.name().display() + " are not allowed");
        }
    }

    private static void drop(Statement.Drop d, SchemaModel m, List<Problem> out) {
        for (QualifiedName n : d.names()) {
            boolean exists = switch (d.kind()) {
                case TABLE -> m.table(n) != null;
                case VIEW, MATERIALIZED_VIEW -> m.view(n) != null;
                case INDEX -> m.index(n) != null;
                case TYPE, DOMAIN -> m.typeExists(n);
                default -> true;
            };
            if (!exists) {
                String what = d.kind() == ObjectKind.TYPE || d.kind() == ObjectKind.DOMAIN ? "type" : "relation";
                fails(out, d.kind() == ObjectKind.TYPE ? "42704" : "42P01",
                        what + " " + n.display() + " does not exist");
            }
        }
        dependents(d, m, out);
    }

    private static void dependents(Statement.Drop d, SchemaModel m, List<Problem> out) {
        if (d.cascade()) {
            return;
        }
        for (QualifiedName n : d.names()) {
            if (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.VIEW
                    || d.kind() == ObjectKind.MATERIALIZED_VIEW) {
                for (View v : m.viewsReading(n)) {
                    if (!d.names().stream().map(SchemaModel::resolve).toList().contains(v.name())) {
                        fails(out, "2BP01", "cannot drop " + n.display() + " because view " + v.name().display()
                                + " depends on it");
                        break;
                    }
                }
            }
            if (d.kind() == ObjectKind.TYPE && m.typeExists(n)) {
                usedType(n, m, out);
            }
        }
    }

    private static void usedType(QualifiedName type, SchemaModel m, List<Problem> out) {
        List<QualifiedName> users = m.tablesUsingType(type);
        if (!users.isEmpty()) {
            fails(out, "2BP01", "cannot drop type " + type.display() + " because table " + users.get(0).display()
                    + " has a column of that type");
        }
    }

    // ------------------------------------------------------------------ data

    private static void data(Statement s, SchemaModel m, Situation w, List<Problem> out) {
        if (s instanceof Statement.AlterTable at) {
            Table t = m.table(at.table());
            if (t == null) {
                return;
            }
            List<KnownRow> rows = m.knownRows(t.name());
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn ac) {
                    ColumnDef c = ac.column();
                    if (c.notNull() && c.defaultExpr() == null && !c.identity() && c.generatedExpr() == null
                            && w.tableHasRows().test(t.name())) {
                        out.add(new Problem(Problem.Kind.EXISTING_DATA, "23502", "column \"" + c.name()
                                + "\" of relation " + t.name().display() + " contains null values"));
                    }
                } else if (a instanceof AlterAction.SetNotNull sn) {
                    if (rows.stream().anyMatch(r -> r.get(sn.column()) != null
                            && r.get(sn.column()).kind() == Value.Kind.NULL)) {
                        out.add(new Problem(Problem.Kind.EXISTING_DATA, "23502", "column \"" + sn.column()
                                + "\" of relation " + t.name().display() + " contains null values"));
                    }
                } else if (a instanceof AlterAction.AlterColumnType act) {
                    castFailures(t, act, rows, m, out);
                } else if (a instanceof AlterAction.AddConstraint ac) {
                    constraintFailures(t, ac.constraint(), rows, m, out);
                }
            }
        } else if (s instanceof Statement.CreateIndex ci && ci.unique() && !ci.partial()) {
            Table t = m.table(ci.table());
            if (t != null) {
                duplicates(t, ci.columns(), m.knownRows(t.name()), "could not create unique index "
                        + QualifiedName.quote(Objects.requireNonNullElse(ci.name(), "?")), out);
            }
        }
    }

    private static void castFailures(Table t, AlterAction.AlterColumnType act, List<KnownRow> rows,
            SchemaModel m, List<Problem> out) {
        TypeName to = act.type();
        List<String> labels = m.enumLabels(QualifiedName.parse(to.name()));
        for (KnownRow r : rows) {
            Value v = r.get(act.column());
            if (v == null || !v.isKnown()) {
                continue;
            }
            if ((to.name().equals("varchar") || to.name().equals("bpchar")) && to.modifier(0) >= 0
                    && v.text().codePointCount(0, v.text().length()) > to.modifier(0)) {
                out.add(new Problem(Problem.Kind.EXISTING_DATA, "22001", "value too long for type "
                        + to.text() + " in column \"" + act.column() + "\" (an existing row has "
                        + v.text().length() + " characters)"));
                return;
            }
            if (labels != null && !labels.contains(v.text())) {
                out.add(new Problem(Problem.Kind.EXISTING_DATA, "22P02", "invalid input value for enum "
                        + to.text() + ": \"" + v.text() + "\" (an existing row of " + t.name().display()
                        + " holds it)"));
                return;
            }
            if (Set.of("int2", "int4", "int8").contains(to.name()) && v.kind() == Value.Kind.STRING
                    && !v.text().trim().matches("[+-]?\\d+")) {
                out.add(new Problem(Problem.Kind.EXISTING_DATA, "22P02", "invalid input syntax for type "
                        + to.text() + ": \"" + v.text() + "\""));
                return;
            }
        }
    }

    private static void constraintFailures(Table t, ConstraintDef k, List<KnownRow> rows, SchemaModel m,
            List<Problem> out) {
        if (k.notValid()) {
            return;
        }
        switch (k.kind()) {
            case UNIQUE, PRIMARY_KEY -> {
                if (k.usingIndex() == null) {
                    duplicates(t, k.columns(), rows, "could not create unique index for "
                            + Objects.requireNonNullElse(k.name(), k.kind().name().replace('_', ' ')), out);
                    if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                        for (String c : k.columns()) {
                            if (rows.stream().anyMatch(r -> r.get(c) != null && r.get(c).kind() == Value.Kind.NULL)) {
                                out.add(new Problem(Problem.Kind.EXISTING_DATA, "23502", "column \"" + c
                                        + "\" of relation " + t.name().display() + " contains null values"));
                                break;
                            }
                        }
                    }
                }
            }
            case FOREIGN_KEY -> {
                Table parent = m.table(k.references());
                if (parent == null || k.columns().size() != 1) {
                    return;
                }
                String refCol = k.referencedColumns().isEmpty() ? primaryKeyColumn(parent) : k.referencedColumns()
                        .get(0);
                List<KnownRow> parentRows = m.knownRows(parent.name());
                if (refCol == null || parentRows.isEmpty()) {
                    return;
                }
                Set<String> keys = new HashSet<>();
                parentRows.forEach(r -> {
                    Value v = r.get(refCol);
                    if (v != null && v.isKnown()) {
                        keys.add(v.text());
                    }
                });
                for (KnownRow r : rows) {
                    Value v = r.get(k.columns().get(0));
                    if (v != null && v.isKnown() && !keys.contains(v.text())) {
                        out.add(new Problem(Problem.Kind.EXISTING_DATA, "23503", "insert or update on table "
                                + t.name().display() + " violates foreign key constraint: key (" + k.columns().get(0)
                                + ")=(" + v.text() + ") is not present in table " + parent.name().display()));
                        return;
                    }
                }
            }
            default -> {
                // CHECK expressions are not evaluated statically.
            }
        }
    }

    private static String primaryKeyColumn(Table t) {
        for (Constraint c : t.constraints()) {
            if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY && c.columns().size() == 1) {
                return c.columns().get(0);
            }
        }
        return null;
    }

    private static void duplicates(Table t, List<String> columns, List<KnownRow> rows, String what,
            List<Problem> out) {
        Set<List<String>> seen = new HashSet<>();
        for (KnownRow r : rows) {
            List<String> key = new ArrayList<>();
            for (String c : columns) {
                Value v = r.get(c);
                if (v == null || !v.isKnown()) {
                    key = null;
                    break;
                }
                key.add(v.text());
            }
            if (key != null && !seen.add(key)) {
                out.add(new Problem(Problem.Kind.EXISTING_DATA, "23505", what + ": key (" + String.join(", ", columns)
                        + ")=(" + String.join(", ", key) + ") is duplicated in " + t.name().display()));
                return;
            }
        }
    }

    private static void newEnumLabels(Statement s, Situation w, List<Problem> out) {
        if (w.labelsAddedInTransaction().isEmpty()) {
            return;
        }
        Set<String> labels = new HashSet<>();
        w.labelsAddedInTransaction().values().forEach(labels::addAll);
        List<String> literals = new ArrayList<>();
        if (s instanceof Statement.Update u) {
            for (Token t : Lexer.tokenize(String.join(" ", u.setValues()) + " " + Objects.toString(u.where(), ""))) {
                if (t.type() == TokenType.STRING) {
                    literals.add(t.value());
                }
            }
        } else if (s instanceof Statement.Insert ins) {
            ins.rows().forEach(r -> r.stream().filter(Value::isKnown).forEach(v -> literals.add(v.text())));
        }
        for (String v : literals) {
            if (labels.contains(v)) {
                fails(out, "55P04", "unsafe use of new value \"" + v + "\" of an enum type: it was added in this "
                        + "transaction and cannot be used before it commits");
                return;
            }
        }
    }
}
