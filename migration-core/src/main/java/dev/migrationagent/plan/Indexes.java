package dev.migrationagent.plan;

import dev.migrationagent.sql.IndexStatements;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.sql.SQLException;
import java.util.List;

/** Index builds, drops and rebuilds that never block writes: CONCURRENTLY, each in a script of its own. */
final class Indexes {
    private static final String WHY_CREATE = "CREATE INDEX CONCURRENTLY builds the index without blocking writes; it "
            + "cannot run in a transaction, so it has a script of its own (executeInTransaction=false). A failed "
            + "build leaves an INVALID index behind: the statements before the build rename such a leftover aside and "
            + "drop it concurrently, so a retry starts clean.";

    private Indexes() {}

    static String create(Planner.Steps out, Statement.CreateIndex ci, String text) throws SQLException {
        if (ci.name() == null) {
            return "the index has no name, so a retried build cannot tell whether it exists: give it a name";
        }
        if ("p".equals(out.catalog.kind(ci.table()))) {
            return partitioned(out, ci, text);
        }
        QualifiedName index = Sql.sibling(ci.table(), ci.name());
        List<String> forward = guarded(index, IndexStatements.concurrent(text));
        out.add(Step.of("create index " + ci.name() + " concurrently", WHY_CREATE, StepKind.CONCURRENT, forward,
                List.of("DROP INDEX CONCURRENTLY IF EXISTS " + index.toSql()), 1).rollbackOutsideTransaction());
        return null;
    }

    /**
     * Statements that drop {@code index} concurrently when it is INVALID, the leftover of a failed concurrent build,
     * and do nothing otherwise. DROP INDEX CONCURRENTLY cannot run conditionally (not inside a DO block), so an
     * invalid index is first renamed aside (catalog work on the index alone) and the aside name is then dropped
     * concurrently if it exists; the first drop clears an aside left by an earlier interrupted attempt.
     */
    static List<String> dropIfInvalid(QualifiedName index) {
        QualifiedName aside = Sql.sibling(index, Sql.derived(index.name(), "_invalid"));
        String rename = """
                DO $guard$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(%1$s) AND NOT indisvalid) THEN
                        EXECUTE %2$s;
                    END IF;
                END
                $guard$""".formatted(Sql.literal(index.toSql()), Sql.literal("ALTER INDEX " + index.toSql()
                + " RENAME TO " + Sql.id(aside.name())));
        String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + aside.toSql();
        return List.of(drop, rename, drop);
    }

    /** {@link #dropIfInvalid} followed by {@code create}. */
    static List<String> guarded(QualifiedName index, String create) {
        List<String> out = new java.util.ArrayList<>(dropIfInvalid(index));
        out.add(create);
        return out;
    }

    /**
     * An index on a partitioned table cannot be built concurrently: the parent gets an empty, invalid index ON ONLY
     * itself (catalog work), each partition an index built concurrently, and attaching them all makes the parent's
     * index valid (catalog work).
     */
    private static String partitioned(Planner.Steps out, Statement.CreateIndex ci, String text) throws SQLException {
        java.util.Map<QualifiedName, String> partitions = out.catalog.partitions(ci.table());
        if (partitions.containsValue("p")) {
            return "the table has partitions that are partitioned themselves: build the index level by level (ON ONLY "
                    + "each parent, concurrently on each leaf, then ATTACH PARTITION upwards)";
        }
        QualifiedName parentIndex = Sql.sibling(ci.table(), ci.name());
        String parentName = ci.table().name();
        String suffix = ci.name().startsWith(parentName + "_") ? ci.name().substring(parentName.length() + 1)
                : ci.name();
        String onOnly = IndexStatements.concurrent(IndexStatements.retarget(text, ci.name(), ci.table(), true))
                .replace(" CONCURRENTLY", "");
        out.add(Step.of("create index " + ci.name() + " on only " + parentName,
                "An index on a partitioned table cannot be built concurrently. ON ONLY the parent it is created empty "
                + "and invalid (catalog work); the partitions' indexes are built next.", StepKind.CATALOG,
                List.of(onOnly), List.of("DROP INDEX IF EXISTS " + parentIndex.toSql()), 1));
        List<String> attach = new java.util.ArrayList<>();
        List<String> rebuild = new java.util.ArrayList<>(List.of("DROP INDEX IF EXISTS " + parentIndex.toSql(),
                onOnly));
        for (QualifiedName partition : partitions.keySet()) {
            QualifiedName child = Sql.sibling(partition, Sql.derived(partition.name(), "_" + suffix));
            String create = IndexStatements.concurrent(IndexStatements.retarget(text, child.name(), partition, false));
            out.add(Step.of("create index " + child.name() + " concurrently", WHY_CREATE, StepKind.CONCURRENT,
                    guarded(child, create), List.of("DROP INDEX CONCURRENTLY IF EXISTS " + child.toSql()), 1)
                    .rollbackOutsideTransaction());
            attach.add("ALTER INDEX " + parentIndex.toSql() + " ATTACH PARTITION " + child.toSql());
            rebuild.addAll(guarded(child, create));
        }
        // An attached index cannot be detached again: the undo drops the parent's index with its partitions' and
        // builds the state before the attach again, the partitions' indexes concurrently.
        out.add(Step.of("attach the partitions' indexes to " + ci.name(), "Attaching every partition's index makes "
                + "the parent's index valid: catalog work only.", StepKind.CATALOG, attach, rebuild, 2)
                .rollbackOutsideTransaction());
        return null;
    }

    static String drop(Planner.Steps out, Statement.Drop d) throws SQLException {
        if (d.names().size() != 1) {
            return "DROP INDEX CONCURRENTLY takes one index: write one DROP INDEX per index";
        }
        if (d.cascade()) {
            return "DROP INDEX ... CASCADE also drops the objects that depend on the index, and CONCURRENTLY "
                    + "refuses CASCADE: drop the dependent constraints first";
        }
        QualifiedName index = d.names().get(0);
        Catalog.IndexInfo info = out.catalog.index(index);
        if (info == null) {
            if (d.ifExists()) {
                return null;
            }
            return "index " + index.display() + " does not exist";
        }
        if (info.constraint()) {
            return "index " + index.display() + " belongs to a constraint: drop the constraint instead";
        }
        String recreate = IndexStatements.concurrent(info.definition());
        out.add(Step.of("drop index " + index.name() + " concurrently",
                "DROP INDEX CONCURRENTLY waits for queries that use the index instead of blocking the table; it "
                + "cannot run in a transaction.", StepKind.CONCURRENT,
                List.of("DROP INDEX CONCURRENTLY IF EXISTS " + index.toSql()), guarded(index, recreate), 2)
                .rollbackOutsideTransaction());
        return null;
    }

    static String reindex(Planner.Steps out, Statement.Reindex r, String text) throws SQLException {
        if (r.concurrently() && out.postgres() >= 12) {
            out.add(Step.of("reindex " + r.name().name() + " concurrently", "REINDEX CONCURRENTLY cannot run in a "
                    + "transaction.", StepKind.CONCURRENT, List.of(text), List.of(), 1));
            return null;
        }
        if (out.postgres() >= 12) {
            String target = r.target() == dev.migrationagent.sql.ObjectKind.TABLE ? "TABLE" : "INDEX";
            out.add(Step.of("reindex " + r.name().name() + " concurrently",
                    "REINDEX takes locks that block writes (and reads that use the index) for the whole rebuild; "
                    + "REINDEX CONCURRENTLY builds a new copy beside the old one and swaps them. It changes no "
                    + "schema, so its rollback is empty.", StepKind.CONCURRENT,
                    List.of("REINDEX " + target + " CONCURRENTLY " + r.name().toSql()), List.of(), 1));
            return null;
        }
        if (r.target() != dev.migrationagent.sql.ObjectKind.INDEX) {
            return "PostgreSQL " + out.postgres() + " has no REINDEX CONCURRENTLY (added in 12): rebuild each index "
                    + "with CREATE INDEX CONCURRENTLY under a new name, drop the old one concurrently and rename";
        }
        return swap(out, r.name());
    }

    // Before PostgreSQL 12: build a twin concurrently, drop the original concurrently, give the twin its name.
    private static String swap(Planner.Steps out, QualifiedName index) throws SQLException {
        Catalog.IndexInfo info = out.catalog.index(index);
        if (info == null) {
            return "index " + index.display() + " does not exist";
        }
        if (info.constraint()) {
            return "index " + index.display() + " belongs to a constraint; PostgreSQL " + out.postgres()
                    + " cannot rebuild it without blocking writes (REINDEX CONCURRENTLY needs 12)";
        }
        String twinName = Sql.derived(index.name(), "_ccnew");
        QualifiedName twin = Sql.sibling(index, twinName);
        String twinDefinition = renameIndexInDefinition(info.definition(), index.name(), twinName);
        String why = "PostgreSQL " + out.postgres() + " has no REINDEX CONCURRENTLY: a twin is built concurrently, "
                + "the original dropped concurrently, and the twin renamed (catalog only).";
        out.add(Step.of("build twin of index " + index.name(), why, StepKind.CONCURRENT,
                guarded(twin, IndexStatements.concurrent(twinDefinition)),
                List.of("DROP INDEX CONCURRENTLY IF EXISTS " + twin.toSql()), 1).rollbackOutsideTransaction());
        out.add(Step.of("drop original index " + index.name(), why, StepKind.CONCURRENT,
                List.of("DROP INDEX CONCURRENTLY IF EXISTS " + index.toSql()),
                List.of(IndexStatements.concurrent(info.definition())), 2).rollbackOutsideTransaction());
        out.add(Step.of("rename twin to " + index.name(), why, StepKind.CATALOG,
                List.of("ALTER INDEX " + twin.toSql() + " RENAME TO " + Sql.id(index.name())),
                List.of("ALTER INDEX " + index.toSql() + " RENAME TO " + Sql.id(twinName)), 2));
        return null;
    }

    // pg_get_indexdef starts "CREATE [UNIQUE] INDEX name ON ...": the first occurrence of the quoted name is it.
    private static String renameIndexInDefinition(String definition, String from, String to) {
        String quoted = Sql.id(from);
        int at = definition.indexOf(" " + quoted + " ON ");
        return definition.substring(0, at + 1) + Sql.id(to) + definition.substring(at + 1 + quoted.length());
    }
}
