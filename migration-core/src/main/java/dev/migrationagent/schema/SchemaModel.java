package dev.migrationagent.schema;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database schema as the migrations build it, statement by statement, so that rules know which tables and
 * columns exist without a database. It also keeps the literal rows that migrations inserted (up to a cap per
 * table), which lets the analysis show that a new constraint fails on rows that are certainly there.
 *
 * <p>This is a mutable working model owned by one analysis; its parts are immutable records.
 */
public final class SchemaModel {
    /** The schema unqualified names resolve to. */
    public static final String DEFAULT_SCHEMA = "public";

    // A sample is enough to prove a violation; more rows only cost memory on huge seed scripts.
    private static final int MAX_KNOWN_ROWS = 1_000;

    private final Map<QualifiedName, Table> tables = new LinkedHashMap<>();
    private final Map<QualifiedName, Index> indexes = new HashMap<>();
    private final Map<QualifiedName, View> views = new HashMap<>();
    private final Map<QualifiedName, List<String>> enums = new HashMap<>();
    private final Set<QualifiedName> constrainedDomains = new HashSet<>();
    private final Set<QualifiedName> otherTypes = new HashSet<>();
    private final Set<QualifiedName> sequences = new HashSet<>();
    private final Map<QualifiedName, String> functionVolatility = new HashMap<>();
    private final Set<String> schemas = new HashSet<>(Set.of(DEFAULT_SCHEMA));
    private final Map<QualifiedName, List<KnownRow>> knownRows = new HashMap<>();
    private final Map<QualifiedName, Map<String, Value>> backfills = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> defaultPartitions = new HashMap<>();
    private int statementsApplied;
    private boolean complete = true;

    /**
     * An independent copy: statements applied to one leave the other as it is. Tables, indexes and the like are
     * immutable records and are shared; the known rows, which statements update in place, are copied.
     */
    public SchemaModel copy() {
        SchemaModel c = new SchemaModel();
        c.tables.putAll(tables);
        c.indexes.putAll(indexes);
        c.views.putAll(views);
        c.enums.putAll(enums);
        c.constrainedDomains.addAll(constrainedDomains);
        c.otherTypes.addAll(otherTypes);
        c.sequences.addAll(sequences);
        c.functionVolatility.putAll(functionVolatility);
        c.schemas.addAll(schemas);
        backfills.forEach((t, values) -> c.backfills.put(t, new HashMap<>(values)));
        // A table's rows share its backfill, so the copied rows share the copied one.
        knownRows.forEach((t, rows) -> {
            Map<String, Value> backfill = c.backfills.computeIfAbsent(t, k -> new HashMap<>());
            c.knownRows.put(t, new ArrayList<>(rows.stream()
                    .map(r -> new KnownRow(new HashMap<>(r.values()), backfill)).toList()));
        });
        c.defaultPartitions.putAll(defaultPartitions);
        c.statementsApplied = statementsApplied;
        c.complete = complete;
        return c;
    }

    /** Resolves an unqualified name to the default schema. */
    public static QualifiedName resolve(QualifiedName name) {
        return name == null ? null : name.inSchema(DEFAULT_SCHEMA);
    }

    /** The table with this name, or {@code null}. */
    public Table table(QualifiedName name) {
        return tables.get(resolve(name));
    }

    /** Names of all known tables. */
    public List<QualifiedName> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** The index with this name, or {@code null}; an unqualified index name is looked up in every schema. */
    public Index index(QualifiedName name) {
        Index exact = indexes.get(resolve(name));
        if (exact != null || name.schema() != null) {
            return exact;
        }
        for (Index i : indexes.values()) {
            if (i.name().name().equals(name.name())) {
                return i;
            }
        }
        return null;
    }

    /** Indexes on a table. */
    public List<Index> indexesOn(QualifiedName table) {
        QualifiedName t = resolve(table);
        return indexes.values().stream().filter(i -> i.table().equals(t)).toList();
    }

    /** The view or materialized view with this name, or {@code null}. */
    public View view(QualifiedName name) {
        return views.get(resolve(name));
    }

    /** Names of all known views and materialized views. */
    public List<QualifiedName> viewNames() {
        return List.copyOf(views.keySet());
    }

    /** Views that read the given table or view. */
    public List<View> viewsReading(QualifiedName relation) {
        QualifiedName r = resolve(relation);
        return views.values().stream().filter(v -> v.tables().stream().map(SchemaModel::resolve)
                .anyMatch(r::equals)).toList();
    }

    /** Labels of an enum type, or {@code null} when it is not a known enum. */
    public List<String> enumLabels(QualifiedName type) {
        return enums.get(resolve(type));
    }

    /** True when the type is a domain with a CHECK or NOT NULL constraint. */
    public boolean isConstrainedDomain(String typeName) {
        return constrainedDomains.contains(resolve(QualifiedName.parse(typeName)));
    }

    /** Tables with a column of the given type (a domain or enum), for checks that touch every such column. */
    public List<QualifiedName> tablesUsingType(QualifiedName type) {
        QualifiedName t = resolve(type);
        return tables.values().stream().filter(x -> x.columns().stream().anyMatch(c -> resolve(QualifiedName.parse(
                c.type().name())).equals(t))).map(Table::name).toList();
    }

    /** True when a user type (enum, domain, composite, ...) with this name exists. */
    public boolean typeExists(QualifiedName type) {
        QualifiedName t = resolve(type);
        return enums.containsKey(t) || constrainedDomains.contains(t) || otherTypes.contains(t);
    }

    /** The declared volatility of a user function ({@code volatile}, {@code stable}, {@code immutable}), or null. */
    public String functionVolatility(String name) {
        for (Map.Entry<QualifiedName, String> e : functionVolatility.entrySet()) {
            if (e.getKey().name().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** True when the schema exists. */
    public boolean schemaExists(String schema) {
        return schemas.contains(schema);
    }

    /** Literal rows known to exist in a table (possibly a sample); empty when none are known. */
    public List<KnownRow> knownRows(QualifiedName table) {
        return java.util.Collections.unmodifiableList(knownRows.getOrDefault(resolve(table), List.of()));
    }

    /** The DEFAULT partition of a partitioned table, or {@code null}. */
    public QualifiedName defaultPartitionOf(QualifiedName parent) {
        return defaultPartitions.get(resolve(parent));
    }

    /** Partitions of a partitioned table. */
    public List<Table> partitionsOf(QualifiedName parent) {
        QualifiedName p = resolve(parent);
        return tables.values().stream().filter(t -> p.equals(resolve(t.partitionOf()))).toList();
    }

    /**
     * True when the model was built from at least one statement and every statement was understood, so a missing
     * object in the model is really missing in the database.
     */
    public boolean isAuthoritative() {
        return statementsApplied > 0 && complete;
    }

    /** Tells the model that something it cannot see changed the schema, so missing objects prove nothing. */
    public void markIncomplete() {
        complete = false;
    }

    // Builders for a model read from a live database (see dev.migrationagent.introspect). They record facts as
    // the catalog states them; they do not count as applied statements, so isAuthoritative() is unaffected.

    /** Adds or replaces a table as it exists; its name must be schema-qualified. */
    public void putTable(Table table) {
        tables.put(resolve(table.name()), table);
    }

    /** Adds or replaces an index as it exists. */
    public void putIndex(Index index) {
        indexes.put(resolve(index.name()), index);
    }

    /** Adds or replaces a view or materialized view as it exists. */
    public void putView(View view) {
        views.put(resolve(view.name()), view);
    }

    /** Adds or replaces an enum type with its labels in sort order. */
    public void putEnum(QualifiedName type, List<String> labels) {
        enums.put(resolve(type), List.copyOf(labels));
    }

    /** Adds a domain; a constrained one has a CHECK or NOT NULL constraint. */
    public void putDomain(QualifiedName type, boolean constrained) {
        (constrained ? constrainedDomains : otherTypes).add(resolve(type));
    }

    /** Adds a user type that is neither an enum nor a domain (composite, range). */
    public void putType(QualifiedName type) {
        otherTypes.add(resolve(type));
    }

    /** Adds a sequence. */
    public void putSequence(QualifiedName sequence) {
        sequences.add(resolve(sequence));
    }

    /** Adds a function with its volatility ({@code volatile}, {@code stable} or {@code immutable}). */
    public void putFunction(QualifiedName function, String volatility) {
        functionVolatility.put(resolve(function), volatility);
    }

    /** Adds a schema. */
    public void putSchema(String schema) {
        schemas.add(schema);
    }

    /** True when the sequence exists. */
    public boolean sequenceExists(QualifiedName sequence) {
        return sequences.contains(resolve(sequence));
    }

    /** Records {@code child} as the DEFAULT partition of {@code parent}. */
    public void setDefaultPartition(QualifiedName parent, QualifiedName child) {
        defaultPartitions.put(resolve(parent), resolve(child));
    }

    /** Applies one statement. Statements that would fail must not be applied. */
    public void apply(Statement s) {
        statementsApplied++;
        if (s instanceof Statement.CreateTable ct) {
            createTable(ct);
        } else if (s instanceof Statement.AlterTable at) {
            alterTable(at);
        } else if (s instanceof Statement.CreateIndex ci) {
            QualifiedName table = resolve(ci.table());
            QualifiedName n = new QualifiedName(table.schema(), ci.name() != null ? ci.name() : generatedIndexName(
                    table, ci.columns()));
            indexes.put(n, new Index(n, table, ci.unique(), ci.columns(), null, true, ci.partial()));
        } else if (s instanceof Statement.Drop d) {
            drop(d);
        } else if (s instanceof Statement.CreateView cv) {
            views.put(resolve(cv.view()), new View(resolve(cv.view()), cv.materialized(), cv.columns(), cv.tables()));
        } else if (s instanceof Statement.CreateType ct) {
            QualifiedName n = resolve(ct.type());
            if (ct.kind() == Statement.CreateType.Kind.ENUM) {
                enums.put(n, List.copyOf(ct.labels()));
            } else if (ct.kind() == Statement.CreateType.Kind.DOMAIN && ct.hasConstraint()) {
                constrainedDomains.add(n);
            } else {
                otherTypes.add(n);
            }
        } else if (s instanceof Statement.AlterType at) {
            alterType(at);
        } else if (s instanceof Statement.AlterIndex ai) {
            Index i = index(ai.index());
            if (i != null && ai.keyword().equals("RENAME TO")) {
                indexes.remove(i.name());
                QualifiedName n = new QualifiedName(i.name().schema(), ai.target());
                indexes.put(n, new Index(n, i.table(), i.unique(), i.columns(), i.backsConstraint(), i.valid(),
                        i.partial()));
            }
        } else if (s instanceof Statement.RenameObject r) {
            rename(r);
        } else if (s instanceof Statement.CreateSequence cs) {
            sequences.add(resolve(cs.sequence()));
        } else if (s instanceof Statement.CreateFunction cf) {
            functionVolatility.put(resolve(cf.function()), cf.volatility());
        } else if (s instanceof Statement.CreateSchema cs) {
            schemas.add(cs.schema());
        } else if (s instanceof Statement.Insert ins) {
            insert(ins);
        } else if (s instanceof Statement.Update up) {
            update(up);
        } else if (s instanceof Statement.Delete del) {
            if (del.where() == null) {
                knownRows.remove(resolve(del.table()));
                backfills.remove(resolve(del.table()));
            }
        } else if (s instanceof Statement.Truncate tr) {
            tr.tables().forEach(t -> {
                knownRows.remove(resolve(t));
                backfills.remove(resolve(t));
            });
        } else if (s instanceof Statement.Opaque o) {
            String k = o.keyword();
            if (k.startsWith("CREATE") || k.startsWith("ALTER") || k.startsWith("DROP")) {
                complete = false;
            }
        } else if (s instanceof Statement.DoBlock || s instanceof Statement.Invalid) {
            complete = false;
        } else if (s instanceof Statement.SetVariable sv && sv.name().equals("search_path")
                && !sv.value().replaceAll("[\\s'\"]", "").toLowerCase(java.util.Locale.ROOT).startsWith("public")) {
            // Unqualified names now resolve elsewhere; the model keeps them in public, so absence proves nothing.
            complete = false;
        }
    }

    private void createTable(Statement.CreateTable ct) {
        QualifiedName name = resolve(ct.table());
        if (ct.ifNotExists() && tables.containsKey(name)) {
            return;
        }
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        Table parent = ct.partitionOf() == null ? null : table(ct.partitionOf());
        if (parent != null) {
            columns.addAll(parent.columns());
            if (ct.defaultPartition()) {
                defaultPartitions.put(parent.name(), name);
            }
        }
        for (ColumnDef def : ct.columns()) {
            if (parent != null) {
                continue;
            }
            columns.add(new Column(def.name(), def.type(), def.notNull(), def.defaultExpr(), def.identity(),
                    def.generatedExpr() != null));
            for (ConstraintDef c : def.constraints()) {
                constraints.add(toConstraint(name, c.onColumns(List.of(def.name()))));
            }
        }
        for (ConstraintDef c : ct.constraints()) {
            constraints.add(toConstraint(name, c));
            if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                for (String col : c.columns()) {
                    columns.replaceAll(x -> x.name().equals(col) ? x.withNotNull(true) : x);
                }
            }
        }
        tables.put(name, new Table(name, columns, constraints, resolve(ct.partitionOf()), ct.partitioned()));
        for (Constraint c : constraints) {
            addBackingIndex(name, c);
        }
    }

    /** PostgreSQL's name for an index created without one: table_col1_col2_idx, numbered when taken. */
    private String generatedIndexName(QualifiedName table, List<String> columns) {
        String cols = String.join("_", columns.stream().map(c -> c.matches("[\\p{L}_][\\p{L}\\p{N}_$]*") ? c : "expr")
                .toList());
        String base = table.name() + "_" + cols + "_idx";
        String name = base;
        for (int i = 1; indexes.containsKey(new QualifiedName(table.schema(), name)); i++) {
            name = base + i;
        }
        return name;
    }

    private void addBackingIndex(QualifiedName table, Constraint c) {
        if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.UNIQUE) {
            QualifiedName n = new QualifiedName(table.schema(), c.name());
            indexes.put(n, new Index(n, table, true, c.columns(), c.name()));
        }
    }

    /** Names a constraint the way PostgreSQL does when the DDL gave no name. */
    static String constraintName(QualifiedName table, ConstraintDef c) {
        if (c.name() != null) {
            return c.name();
        }
        String cols = String.join("_", c.columns());
        return switch (c.kind()) {
            case PRIMARY_KEY -> table.name() + "_pkey";
            case UNIQUE -> table.name() + "_" + cols + "_key";
            case FOREIGN_KEY -> table.name() + "_" + cols + "_fkey";
            case CHECK -> table.name() + (cols.isEmpty() ? "" : "_" + cols) + "_check";
            case EXCLUDE -> table.name() + "_excl";
            case NOT_NULL -> table.name() + "_" + cols + "_not_null";
        };
    }

    private Constraint toConstraint(QualifiedName table, ConstraintDef c) {
        List<String> columns = c.columns();
        if (c.usingIndex() != null) {
            Index i = index(new QualifiedName(table.schema(), c.usingIndex()));
            if (i != null) {
                columns = i.columns();
            }
        }
        String name = constraintName(table, c.onColumns(columns));
        return new Constraint(name, c.kind(), columns, c.expression(), resolve(c.references()), !c.notValid());
    }

    private void alterTable(Statement.AlterTable at) {
        QualifiedName name = resolve(at.table());
        for (AlterAction a : at.actions()) {
            Table t = tables.get(name);
            if (t == null) {
                return;
            }
            name = alterAction(name, t, a);
        }
    }

    /** Applies one ALTER TABLE action and returns the table's name afterwards (renames change it). */
    private QualifiedName alterAction(QualifiedName name, Table t, AlterAction a) {
        if (a instanceof AlterAction.AddColumn ac) {
            addColumn(name, t, ac.column());
        } else if (a instanceof AlterAction.DropColumn dc) {
            List<Column> cols = new ArrayList<>(t.columns());
            cols.removeIf(c -> c.name().equals(dc.column()));
            List<Constraint> cons = new ArrayList<>(t.constraints());
            cons.removeIf(c -> c.columns().contains(dc.column()));
            tables.put(name, t.withColumns(cols).withConstraints(cons));
            indexes.values().removeIf(i -> i.table().equals(name) && i.columns().contains(dc.column()));
        } else if (a instanceof AlterAction.AlterColumnType act) {
            tables.put(name, t.mapColumn(act.column(), c -> c.withType(act.type())));
        } else if (a instanceof AlterAction.SetNotNull sn) {
            tables.put(name, t.mapColumn(sn.column(), c -> c.withNotNull(true)));
        } else if (a instanceof AlterAction.DropNotNull dn) {
            tables.put(name, t.mapColumn(dn.column(), c -> c.withNotNull(false)));
        } else if (a instanceof AlterAction.SetDefault sd) {
            tables.put(name, t.mapColumn(sd.column(), c -> c.withDefault(sd.value())));
        } else if (a instanceof AlterAction.DropDefault dd) {
            tables.put(name, t.mapColumn(dd.column(), c -> c.withDefault(null)));
        } else if (a instanceof AlterAction.AddConstraint ac) {
            addConstraint(name, t, ac.constraint());
        } else if (a instanceof AlterAction.DropConstraint dc) {
            List<Constraint> cons = new ArrayList<>(t.constraints());
            cons.removeIf(c -> c.name().equals(dc.name()));
            tables.put(name, t.withConstraints(cons));
            indexes.values().removeIf(i -> dc.name().equals(i.backsConstraint()) && i.table().equals(name));
        } else if (a instanceof AlterAction.ValidateConstraint vc) {
            List<Constraint> cons = new ArrayList<>(t.constraints());
            cons.replaceAll(c -> c.name().equals(vc.name()) ? c.validatedNow() : c);
            tables.put(name, t.withConstraints(cons));
        } else if (a instanceof AlterAction.RenameColumn rc) {
            tables.put(name, t.mapColumn(rc.from(), c -> c.withName(rc.to())));
            List<KnownRow> rows = knownRows.get(name);
            if (rows != null) {
                rows.forEach(r -> {
                    if (r.values().containsKey(rc.from())) {
                        r.values().put(rc.to(), r.values().remove(rc.from()));
                    }
                });
                Map<String, Value> backfill = backfills.get(name);
                if (backfill.containsKey(rc.from())) {
                    backfill.put(rc.to(), backfill.remove(rc.from()));
                }
            }
        } else if (a instanceof AlterAction.RenameTable rt) {
            QualifiedName to = new QualifiedName(name.schema(), rt.to());
            moveTable(name, to);
            return to;
        } else if (a instanceof AlterAction.SetSchema ss) {
            QualifiedName to = new QualifiedName(ss.schema(), name.name());
            moveTable(name, to);
            return to;
        } else if (a instanceof AlterAction.AttachPartition ap) {
            Table p = table(ap.partition());
            if (p != null) {
                tables.put(p.name(), p.withPartitionOf(name));
                if (ap.isDefault()) {
                    defaultPartitions.put(name, p.name());
                }
            }
        } else if (a instanceof AlterAction.DetachPartition dp) {
            Table p = table(dp.partition());
            if (p != null) {
                tables.put(p.name(), p.withPartitionOf(null));
                if (p.name().equals(defaultPartitions.get(name))) {
                    defaultPartitions.remove(name);
                }
            }
        }
        // Storage, statistics, triggers and ownership changes do not affect the model.
        return name;
    }

    private void addColumn(QualifiedName name, Table t, ColumnDef d) {
        if (t.column(d.name()) != null) {
            return;
        }
        List<Column> cols = new ArrayList<>(t.columns());
        cols.add(new Column(d.name(), d.type(), d.notNull(), d.defaultExpr(), d.identity(),
                d.generatedExpr() != null));
        List<Constraint> cons = new ArrayList<>(t.constraints());
        for (ConstraintDef c : d.constraints()) {
            Constraint k = toConstraint(name, c.onColumns(List.of(d.name())));
            cons.add(k);
            addBackingIndex(name, k);
        }
        tables.put(name, t.withColumns(cols).withConstraints(cons));
        fillKnownRows(name, d);
    }

    private void addConstraint(QualifiedName name, Table t, ConstraintDef def) {
        Constraint k = toConstraint(name, def);
        if (t.constraint(k.name()) != null) {
            return;
        }
        List<Constraint> cons = new ArrayList<>(t.constraints());
        cons.add(k);
        Table next = t.withConstraints(cons);
        if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            for (String col : k.columns()) {
                next = next.mapColumn(col, c -> c.withNotNull(true));
            }
        }
        tables.put(name, next);
        if (def.usingIndex() != null) {
            Index old = indexes.remove(new QualifiedName(name.schema(), def.usingIndex()));
            if (old != null) {
                QualifiedName n = new QualifiedName(name.schema(), k.name());
                indexes.put(n, new Index(n, name, true, old.columns(), k.name()));
            }
        } else {
            addBackingIndex(name, k);
        }
    }

    private void moveTable(QualifiedName from, QualifiedName to) {
        Table t = tables.remove(from);
        if (t == null) {
            return;
        }
        tables.put(to, t.withName(to));
        // Keep the default-partition link when either side of it is renamed.
        QualifiedName defaultPartition = defaultPartitions.remove(from);
        if (defaultPartition != null) {
            defaultPartitions.put(to, defaultPartition);
        }
        defaultPartitions.replaceAll((parent, child) -> child.equals(from) ? to : child);
        tables.replaceAll((name, x) -> from.equals(x.partitionOf()) ? x.withPartitionOf(to) : x);
        List<KnownRow> rows = knownRows.remove(from);
        if (rows != null) {
            knownRows.put(to, rows);
            backfills.put(to, backfills.remove(from));
        }
        for (Index i : List.copyOf(indexes.values())) {
            if (i.table().equals(from)) {
                indexes.put(i.name(), new Index(i.name(), to, i.unique(), i.columns(), i.backsConstraint(),
                        i.valid(), i.partial()));
            }
        }
    }

    private void drop(Statement.Drop d) {
        for (QualifiedName n : d.names()) {
            QualifiedName r = resolve(n);
            switch (d.kind()) {
                case TABLE -> {
                    tables.remove(r);
                    defaultPartitions.values().remove(r);
                    knownRows.remove(r);
                    backfills.remove(r);
                    indexes.values().removeIf(i -> i.table().equals(r));
                    if (d.cascade()) {
                        views.values().removeIf(v -> v.tables().stream().map(SchemaModel::resolve).anyMatch(r::equals));
                    }
                }
                case VIEW, MATERIALIZED_VIEW -> views.remove(r);
                case INDEX -> {
                    Index i = index(n);
                    if (i != null) {
                        indexes.remove(i.name());
                    }
                }
                case TYPE, DOMAIN -> {
                    enums.remove(r);
                    constrainedDomains.remove(r);
                    otherTypes.remove(r);
                }
                case SEQUENCE -> sequences.remove(r);
                case SCHEMA -> {
                    schemas.remove(n.name());
                    tables.keySet().removeIf(k -> k.schema().equals(n.name()));
                }
                case FUNCTION, PROCEDURE -> functionVolatility.remove(r);
                default -> {
                    // Triggers, policies and extensions are not modelled.
                }
            }
        }
    }

    private void alterType(Statement.AlterType at) {
        QualifiedName n = resolve(at.type());
        List<String> labels = enums.get(n);
        switch (at.action()) {
            case ADD_VALUE -> {
                if (labels != null && !labels.contains(at.label())) {
                    List<String> next = new ArrayList<>(labels);
                    next.add(at.label());
                    enums.put(n, List.copyOf(next));
                }
            }
            case RENAME_VALUE -> {
                if (labels != null) {
                    enums.put(n, labels.stream().map(l -> l.equals(at.label()) ? at.newLabel() : l).toList());
                }
            }
            case RENAME_TO -> {
                QualifiedName to = new QualifiedName(n.schema(), at.newLabel());
                if (labels != null) {
                    enums.remove(n);
                    enums.put(to, labels);
                }
                if (constrainedDomains.remove(n)) {
                    constrainedDomains.add(to);
                }
                if (otherTypes.remove(n)) {
                    otherTypes.add(to);
                }
            }
            default -> {
                // Other type changes do not affect the checks.
            }
        }
    }

    private void rename(Statement.RenameObject r) {
        QualifiedName from = resolve(r.name());
        QualifiedName to = new QualifiedName(from.schema(), r.newName());
        switch (r.kind()) {
            case VIEW, MATERIALIZED_VIEW -> {
                View v = views.remove(from);
                if (v != null) {
                    views.put(to, new View(to, v.materialized(), v.columns(), v.tables()));
                }
            }
            case SEQUENCE -> {
                if (sequences.remove(from)) {
                    sequences.add(to);
                }
            }
            case SCHEMA -> {
                if (schemas.remove(r.name().name())) {
                    schemas.add(r.newName());
                }
            }
            case TABLE -> moveTable(from, to);
            default -> {
                // Renames of functions and triggers do not affect the checks.
            }
        }
    }

    private void insert(Statement.Insert ins) {
        QualifiedName name = resolve(ins.table());
        Table t = tables.get(name);
        if (t == null || ins.fromQuery()) {
            return;
        }
        List<String> cols = ins.columns().isEmpty() ? t.columns().stream().map(Column::name).toList() : ins.columns();
        List<KnownRow> rows = knownRows.computeIfAbsent(name, k -> new ArrayList<>());
        Map<String, Value> backfill = backfills.computeIfAbsent(name, k -> new HashMap<>());
        for (List<Value> values : ins.rows()) {
            if (rows.size() >= MAX_KNOWN_ROWS) {
                return;
            }
            Map<String, Value> row = new HashMap<>();
            for (int i = 0; i < Math.min(cols.size(), values.size()); i++) {
                row.put(cols.get(i), values.get(i));
            }
            // Omitted columns get their current default (NULL without one).
            for (Column c : t.columns()) {
                row.putIfAbsent(c.name(), valueOf(c.defaultExpr()));
            }
            rows.add(new KnownRow(row, backfill));
        }
    }

    private static Value valueOf(dev.migrationagent.sql.Expression e) {
        return e == null ? Value.NULL : e.constant() ? literal(e.text()) : Value.EXPRESSION;
    }

    private static Value literal(String text) {
        int cast = text.lastIndexOf("::");
        String t = (cast > 0 && text.indexOf('\'', cast) < 0 ? text.substring(0, cast) : text).trim();
        if (t.startsWith("'") && t.endsWith("'") && t.length() >= 2) {
            return new Value(Value.Kind.STRING, t.substring(1, t.length() - 1).replace("''", "'"));
        }
        if (t.equalsIgnoreCase("null")) {
            return Value.NULL;
        }
        return new Value(Value.Kind.NUMBER, t);
    }

    private void fillKnownRows(QualifiedName table, ColumnDef d) {
        Map<String, Value> backfill = backfills.get(table);
        if (backfill != null) {
            backfill.put(d.name(), valueOf(d.defaultExpr()));
        }
    }

    private void update(Statement.Update up) {
        List<KnownRow> rows = knownRows.get(resolve(up.table()));
        if (rows == null) {
            return;
        }
        for (int i = 0; i < up.setColumns().size(); i++) {
            String col = up.setColumns().get(i);
            String text = i < up.setValues().size() ? up.setValues().get(i) : "";
            // Without evaluating WHERE we only know the new value when every row gets the same literal.
            Value v = up.where() == null && text.matches("'[^']*'|-?[0-9.]+|(?i)null|(?i)true|(?i)false")
                    ? literal(text) : Value.EXPRESSION;
            rows.forEach(r -> r.values().put(col, v));
        }
    }
}
