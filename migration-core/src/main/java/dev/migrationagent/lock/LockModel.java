package dev.migrationagent.lock;

import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.Index;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's lock and work behaviour per statement: which table locks a statement takes and what work it does
 * while holding them. The facts come from the PostgreSQL manual and were checked against {@code pg_locks}; see
 * {@code docs/lock-model.md}.
 */
public final class LockModel {
    private static final Set<String> REWRITING_OPTIONS = Set.of("SET TABLESPACE", "SET LOGGED", "SET UNLOGGED",
            "SET ACCESS METHOD", "ALTER COLUMN SET EXPRESSION");
    // Keywords as the parser names sub-commands: "ALTER COLUMN SET" alone is ALTER COLUMN c SET (options).
    private static final Set<String> SUE_OPTIONS = Set.of("SET (", "RESET", "ALTER COLUMN SET STATISTICS",
            "CLUSTER ON", "SET WITHOUT CLUSTER", "ALTER COLUMN SET", "ALTER COLUMN RESET");
    private static final Set<String> SRE_OPTIONS = Set.of("ENABLE TRIGGER", "DISABLE TRIGGER",
            "ENABLE ALWAYS TRIGGER", "ENABLE REPLICA TRIGGER");

    private LockModel() {}

    /** True for an ALTER TABLE sub-command (by its keyword) that rewrites the table's storage. */
    public static boolean rewritesStorage(String keyword) {
        return REWRITING_OPTIONS.contains(keyword);
    }

    /** The effects of a statement on existing tables, computed against the schema before it runs. */
    public static List<TableEffect> effects(Statement s, SchemaModel model, int pgVersion) {
        List<TableEffect> out = new ArrayList<>();
        if (s instanceof Statement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                alterAction(at.table(), a, model, pgVersion, out);
            }
        } else if (s instanceof Statement.CreateIndex ci) {
            if (ci.only()) {
                out.add(new TableEffect(ci.table(), LockMode.SHARE, Work.CATALOG));
            } else {
                out.add(new TableEffect(ci.table(), ci.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                        : LockMode.SHARE, Work.INDEX_BUILD));
            }
        } else if (s instanceof Statement.CreateTable ct) {
            for (ColumnDef c : ct.columns()) {
                for (ConstraintDef k : c.constraints()) {
                    if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                        out.add(new TableEffect(k.references(), LockMode.SHARE_ROW_EXCLUSIVE, Work.CATALOG));
                    }
                }
            }
            for (ConstraintDef k : ct.constraints()) {
                if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                    out.add(new TableEffect(k.references(), LockMode.SHARE_ROW_EXCLUSIVE, Work.CATALOG));
                }
            }
            if (ct.partitionOf() != null) {
                out.add(new TableEffect(ct.partitionOf(), LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
                QualifiedName defaultPartition = model.defaultPartitionOf(ct.partitionOf());
                if (defaultPartition != null) {
                    // The default partition is scanned to prove it holds no row of the new partition's range.
                    out.add(new TableEffect(defaultPartition, LockMode.ACCESS_EXCLUSIVE, Work.SCAN));
                }
            }
        } else if (s instanceof Statement.Drop d) {
            for (QualifiedName n : d.names()) {
                if (d.kind() == ObjectKind.INDEX && !d.concurrently()) {
                    Index i = model.index(n);
                    if (i != null) {
                        out.add(new TableEffect(i.table(), LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
                    }
                } else if (d.kind() == ObjectKind.TABLE) {
                    out.add(new TableEffect(n, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
                } else if (d.kind() == ObjectKind.TRIGGER && d.onTable() != null) {
                    out.add(new TableEffect(d.onTable(), LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
                }
            }
        } else if (s instanceof Statement.CreateTrigger tr) {
            out.add(new TableEffect(tr.table(), LockMode.SHARE_ROW_EXCLUSIVE, Work.CATALOG));
        } else if (s instanceof Statement.Truncate tr) {
            tr.tables().forEach(t -> out.add(new TableEffect(t, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG)));
        } else if (s instanceof Statement.Reindex r && r.name() != null) {
            QualifiedName table = r.target() == ObjectKind.INDEX ? indexTable(model, r.name()) : r.name();
            if (table != null && r.target() != ObjectKind.SCHEMA) {
                // REINDEX takes SHARE on the table but ACCESS EXCLUSIVE on the index, and planning any query on
                // the table locks all its indexes, so in practice reads wait too.
                out.add(new TableEffect(table, r.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                        : LockMode.ACCESS_EXCLUSIVE, Work.INDEX_BUILD));
            }
        } else if (s instanceof Statement.Cluster c && c.table() != null) {
            out.add(new TableEffect(c.table(), LockMode.ACCESS_EXCLUSIVE, Work.REWRITE));
        } else if (s instanceof Statement.Vacuum v) {
            v.tables().forEach(t -> out.add(new TableEffect(t, v.full() ? LockMode.ACCESS_EXCLUSIVE
                    : LockMode.SHARE_UPDATE_EXCLUSIVE, v.full() ? Work.REWRITE : Work.SCAN)));
        } else if (s instanceof Statement.Analyze a) {
            a.tables().forEach(t -> out.add(new TableEffect(t, LockMode.SHARE_UPDATE_EXCLUSIVE, Work.SCAN)));
        } else if (s instanceof Statement.RefreshMaterializedView r) {
            out.add(new TableEffect(r.view(), r.concurrently() ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE,
                    Work.REWRITE));
        } else if (s instanceof Statement.LockTable l) {
            LockMode mode = parseMode(l.mode());
            l.tables().forEach(t -> out.add(new TableEffect(t, mode, Work.CATALOG)));
        } else if (s instanceof Statement.Update u) {
            out.add(new TableEffect(u.table(), LockMode.ROW_EXCLUSIVE, Work.CATALOG));
        } else if (s instanceof Statement.Delete d) {
            out.add(new TableEffect(d.table(), LockMode.ROW_EXCLUSIVE, Work.CATALOG));
        } else if (s instanceof Statement.Insert i) {
            out.add(new TableEffect(i.table(), LockMode.ROW_EXCLUSIVE, Work.CATALOG));
        }
        return out;
    }

    private static QualifiedName indexTable(SchemaModel model, QualifiedName index) {
        Index i = model.index(index);
        return i == null ? null : i.table();
    }

    private static LockMode parseMode(String mode) {
        try {
            return LockMode.valueOf(mode.trim().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return LockMode.ACCESS_EXCLUSIVE;
        }
    }

    private static void alterAction(QualifiedName table, AlterAction a, SchemaModel model, int pg,
            List<TableEffect> out) {
        Table t = model.table(table);
        if (a instanceof AlterAction.AddColumn ac) {
            out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE,
                    addColumnRewrites(ac.column(), model, pg) ? Work.REWRITE : Work.CATALOG));
            for (ConstraintDef k : ac.column().constraints()) {
                if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                    out.add(new TableEffect(k.references(), LockMode.SHARE_ROW_EXCLUSIVE, Work.CATALOG));
                } else if (k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                    out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.INDEX_BUILD));
                }
            }
        } else if (a instanceof AlterAction.AlterColumnType act) {
            Column c = t == null ? null : t.column(act.column());
            boolean rewrite = c == null || TypeChanges.rewrites(c.type(), act.type()) || act.using() != null
                    && !act.using().trim().equalsIgnoreCase(act.column());
            out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, rewrite ? Work.REWRITE : Work.CATALOG));
        } else if (a instanceof AlterAction.SetNotNull sn) {
            boolean proven = pg >= 12 && t != null
                    && t.constraints().stream().anyMatch(k -> k.provesNotNull(sn.column()));
            out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, proven ? Work.CATALOG : Work.SCAN));
        } else if (a instanceof AlterAction.AddConstraint ac) {
            addConstraint(table, ac.constraint(), t, model, out);
        } else if (a instanceof AlterAction.DropConstraint dc) {
            out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
            Constraint k = t == null ? null : t.constraint(dc.name());
            if (k != null && k.references() != null) {
                out.add(new TableEffect(k.references(), LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
            }
        } else if (a instanceof AlterAction.ValidateConstraint vc) {
            Constraint k = t == null ? null : t.constraint(vc.name());
            boolean fk = k != null && k.references() != null;
            out.add(new TableEffect(table, LockMode.SHARE_UPDATE_EXCLUSIVE, fk ? Work.VALIDATE : Work.SCAN));
            if (fk) {
                out.add(new TableEffect(k.references(), LockMode.ROW_SHARE, Work.CATALOG));
            }
        } else if (a instanceof AlterAction.AttachPartition ap) {
            out.add(new TableEffect(table, pg >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE,
                    Work.CATALOG));
            Table p = model.table(ap.partition());
            boolean proven = p != null && p.constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.CHECK
                    && k.validated() && k.expression() != null && k.expression().contains(">=")
                    && k.expression().contains("<"));
            out.add(new TableEffect(ap.partition(), LockMode.ACCESS_EXCLUSIVE, proven ? Work.CATALOG : Work.SCAN));
            QualifiedName defaultPartition = model.defaultPartitionOf(table);
            if (defaultPartition != null && !ap.isDefault()) {
                out.add(new TableEffect(defaultPartition, LockMode.ACCESS_EXCLUSIVE, Work.SCAN));
            }
        } else if (a instanceof AlterAction.DetachPartition dp) {
            // CONCURRENTLY lowers the parent's lock; the partition still gets ACCESS EXCLUSIVE in the second step.
            out.add(new TableEffect(table, dp.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                    : LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
            out.add(new TableEffect(dp.partition(), LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
        } else if (a instanceof AlterAction.Other o) {
            if (REWRITING_OPTIONS.contains(o.keyword())) {
                out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.REWRITE));
            } else if (SUE_OPTIONS.contains(o.keyword())) {
                out.add(new TableEffect(table, LockMode.SHARE_UPDATE_EXCLUSIVE, Work.CATALOG));
            } else if (SRE_OPTIONS.contains(o.keyword())) {
                out.add(new TableEffect(table, LockMode.SHARE_ROW_EXCLUSIVE, Work.CATALOG));
            } else {
                out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
            }
        } else {
            out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
        }
    }

    private static void addConstraint(QualifiedName table, ConstraintDef k, Table t, SchemaModel model,
            List<TableEffect> out) {
        Index index = k.usingIndex() == null ? null
                : model.index(new QualifiedName(SchemaModel.resolve(table).schema(), k.usingIndex()));
        switch (k.kind()) {
            case CHECK, NOT_NULL -> out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE,
                    k.notValid() ? Work.CATALOG : Work.SCAN));
            case FOREIGN_KEY -> {
                Work w = k.notValid() ? Work.CATALOG : Work.VALIDATE;
                out.add(new TableEffect(table, LockMode.SHARE_ROW_EXCLUSIVE, w));
                out.add(new TableEffect(k.references(), LockMode.SHARE_ROW_EXCLUSIVE, w));
            }
            case UNIQUE, PRIMARY_KEY -> {
                Work w;
                if (k.usingIndex() == null) {
                    w = Work.INDEX_BUILD;
                } else {
                    // PRIMARY KEY USING INDEX still scans for NULLs unless the columns are already NOT NULL.
                    boolean nullable = k.kind() == ConstraintDef.Kind.PRIMARY_KEY && t != null && index != null
                            && index.columns().stream().map(t::column).anyMatch(c -> c != null && !c.notNull());
                    w = nullable ? Work.SCAN : Work.CATALOG;
                }
                out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, w));
            }
            case EXCLUDE -> out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.INDEX_BUILD));
            default -> out.add(new TableEffect(table, LockMode.ACCESS_EXCLUSIVE, Work.CATALOG));
        }
    }

    /** True when ADD COLUMN has to write every existing row. */
    public static boolean addColumnRewrites(ColumnDef c, SchemaModel model, int pg) {
        if (c.identity() || c.generatedExpr() != null || c.type().isSerial()
                || model.isConstrainedDomain(c.type().name())) {
            return true;
        }
        if (Volatility.isNullDefault(c.defaultExpr())) {
            return false;
        }
        return pg < 11 || Volatility.isVolatile(c.defaultExpr(), model);
    }
}
