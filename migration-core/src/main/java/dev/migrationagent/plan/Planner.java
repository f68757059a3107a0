package dev.migrationagent.plan;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the statements of a migration script into safe steps, one statement at a time, against a shadow database
 * that holds the schema as it is before each statement: the catalog answers what the SQL text leaves open (the
 * primary key to batch by, the definition to restore on rollback, the name the server gives an unnamed constraint).
 * After the steps of a statement are planned they are handed to an {@link Applier}, which runs them on the same
 * shadow, so the next statement is planned against the schema the plan produced.
 */
public final class Planner {
    /**
     * How plans are shaped.
     *
     * @param postgresVersion the target's major version
     * @param batchSize the most rows one statement of a batched row change touches
     * @param batchPause the pause between two batches
     * @param backfill values for existing rows of new NOT NULL columns without a default, by {@code table.column}
     *     or {@code schema.table.column}: SQL expressions
     * @param backup whether a contract step that drops data first keeps a copy of it
     */
    public record Settings(int postgresVersion, int batchSize, Duration batchPause, Map<String, String> backfill,
            boolean backup) {
        /** 1000-row batches with a 100 ms pause, and a backup before every drop. */
        public static Settings defaults(int postgresVersion) {
            return new Settings(postgresVersion, 1000, Duration.ofMillis(100), Map.of(), true);
        }

        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
            }
            Objects.requireNonNull(batchPause, "batchPause");
            backfill = Map.copyOf(backfill);
        }
    }

    /** Runs planned steps on the shadow as they are planned. */
    @FunctionalInterface
    public interface Applier {
        /**
         * Runs one step.
         *
         * @throws StepFailedException when the step fails; planning stops there
         */
        void apply(Step step) throws SQLException;
    }

    /** A planned step failed on the shadow. */
    public static final class StepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Step step;

        /** The step and the reason, in one line. */
        public StepFailedException(Step step, String message, Throwable cause) {
            super(message, cause);
            this.step = step;
        }

        /** The step that failed. */
        public Step step() {
            return step;
        }
    }

    private final Catalog catalog;
    private final Settings settings;

    /** A planner working on the shadow that {@code c} is connected to. */
    public Planner(Connection c, Settings settings) {
        this.catalog = new Catalog(c);
        this.settings = settings;
    }

    /**
     * Plans one script.
     *
     * @param script the script's path, for the result
     * @param statements the script's statements
     * @param applier runs each statement's steps before the next statement is planned
     * @throws StepFailedException when a planned step fails on the shadow
     * @throws SQLException when the shadow's catalog cannot be read
     */
    public ScriptPlan plan(String script, List<ParsedStatement> statements, Applier applier) throws SQLException {
        List<Step> steps = new ArrayList<>();
        List<ScriptPlan.Unplanned> unplanned = new ArrayList<>();
        Set<QualifiedName> created = new java.util.HashSet<>();
        // Each statement's steps run before the next statement is planned, so every catalog answer is about the
        // schema that statement will meet; steps are therefore never merged across statements.
        for (ParsedStatement ps : statements) {
            Steps out = new Steps(settings, catalog, created);
            String reason = planOne(ps, out);
            if (reason != null) {
                unplanned.add(new ScriptPlan.Unplanned(ps.span().line(), ps.span().column(), ps.text().strip(),
                        reason));
                continue;
            }
            flush(out, steps, applier);
            if (ps.statement() instanceof Statement.CreateTable t) {
                created.add(t.table());
            }
        }
        return new ScriptPlan(script, steps, unplanned);
    }

    private static void flush(Steps s, List<Step> steps, Applier applier) throws SQLException {
        for (Step step : s.drain()) {
            applier.apply(step);
            steps.add(step);
        }
    }

    // The steps of one statement into out; a reason when there is no safe equivalent.
    private String planOne(ParsedStatement ps, Steps out) throws SQLException {
        Statement s = ps.statement();
        String text = Sql.bare(ps.text());
        if (s instanceof Statement.SetVariable || s instanceof Statement.ResetVariable) {
            // Every step sets the timeouts that suit it; the script's own settings would fight them.
            return null;
        }
        if (s instanceof Statement.Transaction) {
            return "transaction control inside a migration: Flyway runs each script in its own transaction; "
                    + "split the script instead";
        }
        if (s instanceof Statement.Invalid inv) {
            return "the statement does not parse (" + inv.message() + "): fix it first";
        }
        if (s instanceof Statement.CreateIndex ci) {
            return out.isNew(ci.table()) || ci.only() ? Passthrough.plan(out, s, text) : Indexes.create(out, ci, text);
        }
        if (s instanceof Statement.Drop d && d.kind() == ObjectKind.INDEX) {
            return Indexes.drop(out, d);
        }
        if (s instanceof Statement.Reindex r) {
            return Indexes.reindex(out, r, text);
        }
        if (s instanceof Statement.AlterTable at) {
            return alterTable(ps, at, text, out);
        }
        if (s instanceof Statement.Drop d && (d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.VIEW
                || d.kind() == ObjectKind.MATERIALIZED_VIEW)) {
            return Drops.relation(out, d, text);
        }
        if (s instanceof Statement.AlterType t && t.action() == Statement.AlterType.Action.ADD_VALUE) {
            out.add(Step.of("add enum value " + t.label() + " to " + t.type().name(),
                    "ALTER TYPE ... ADD VALUE runs outside a transaction: before PostgreSQL 12 it may not run in one "
                    + "at all, and a new value cannot be used in the transaction that added it.",
                    StepKind.AUTOCOMMIT, List.of(text), List.of(), 3)
                    .irreversible("enum value '" + t.label() + "' of " + t.type().display() + " stays: PostgreSQL "
                            + "cannot remove an enum value without recreating the type", 3));
            return null;
        }
        if (s instanceof Statement.AlterType t && t.action() == Statement.AlterType.Action.RENAME_VALUE) {
            return "renaming an enum value breaks every client that sends or compares the old label: add the new "
                    + "value, move rows to it in batches, and stop using the old one; there is no rename that old "
                    + "and new code can share";
        }
        if (s instanceof Statement.Update u && Rows.plain(text) && catalog.oid(u.table()) != 0) {
            return Rows.update(out, u);
        }
        if (s instanceof Statement.Delete d && Rows.plain(text) && catalog.oid(d.table()) != 0) {
            return Rows.delete(out, d);
        }
        if (s instanceof Statement.Truncate) {
            return "TRUNCATE destroys every row and takes ACCESS EXCLUSIVE: there is no safe form; if the rows must "
                    + "go, delete them in batches (DELETE without WHERE is planned that way) after a backup";
        }
        if (s instanceof Statement.Cluster) {
            return "CLUSTER rewrites the table under ACCESS EXCLUSIVE; no SQL statement reorders a table online: use "
                    + "pg_repack, or leave the order to new indexes";
        }
        if (s instanceof Statement.Vacuum v && v.full()) {
            return "VACUUM FULL rewrites the table under ACCESS EXCLUSIVE; run a plain VACUUM, or pg_repack to "
                    + "return space online";
        }
        return Passthrough.plan(out, s, text);
    }

    private String alterTable(ParsedStatement ps, Statement.AlterTable at, String text, Steps out)
            throws SQLException {
        if (at.actions().size() != 1 && !out.isNew(at.table())) {
            boolean allSafe = true;
            for (AlterAction a : at.actions()) {
                allSafe &= Passthrough.catalogOnly(a);
            }
            if (allSafe) {
                return Passthrough.plan(out, at, text);
            }
            return "several actions in one ALTER TABLE, some of which need a multi-step plan: write one ALTER TABLE "
                    + "per action and plan again";
        }
        AlterAction a = at.actions().get(0);
        QualifiedName t = at.table();
        if (out.isNew(t)) {
            return Passthrough.plan(out, at, text);
        }
        if (a instanceof AlterAction.AddColumn add) {
            return Columns.add(out, t, add, text);
        }
        if (a instanceof AlterAction.SetNotNull nn) {
            return Columns.setNotNull(out, t, nn.column(), 1);
        }
        if (a instanceof AlterAction.AlterColumnType type) {
            return Columns.changeType(out, t, type, text);
        }
        if (a instanceof AlterAction.RenameColumn r) {
            return Columns.rename(out, t, r.from(), r.to());
        }
        if (a instanceof AlterAction.DropColumn d) {
            return Drops.column(out, t, d);
        }
        if (a instanceof AlterAction.DropDefault d) {
            return Columns.dropDefault(out, t, d.column(), text);
        }
        if (a instanceof AlterAction.RenameTable r) {
            return Drops.renameTable(out, t, r.to(), text);
        }
        if (a instanceof AlterAction.AddConstraint add) {
            return Constraints.add(out, t, add.constraint(), text);
        }
        if (a instanceof AlterAction.ValidateConstraint v) {
            return Constraints.validate(out, t, v.name(), text);
        }
        if (a instanceof AlterAction.AttachPartition attach && !attach.isDefault()) {
            return Constraints.attach(out, t, attach, text);
        }
        if (a instanceof AlterAction.DetachPartition d && d.concurrently()) {
            out.add(Step.of("detach partition " + d.partition().name() + " concurrently",
                    "DETACH PARTITION ... CONCURRENTLY waits for running queries instead of blocking them, and "
                    + "cannot run inside a transaction.", StepKind.CONCURRENT, List.of(text), List.of(
                    "ALTER TABLE " + t.toSql() + " ATTACH PARTITION " + d.partition().toSql() + " "
                    + catalog.partitionBound(d.partition()), dropNewChecks(d.partition())), 2)
                    .rollbackOutsideTransaction());
            return null;
        }
        return Passthrough.plan(out, at, text);
    }

    // DETACH ... CONCURRENTLY leaves a CHECK that mirrors the bound on the partition; reattached, it is redundant.
    private String dropNewChecks(QualifiedName partition) throws SQLException {
        List<String> kept = new ArrayList<>();
        for (String k : catalog.checkConstraints(partition)) {
            kept.add(Sql.literal(k));
        }
        return """
                DO $undo$
                DECLARE k record;
                BEGIN
                    FOR k IN SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(%1$s) AND contype = 'c'
                             AND NOT conname = ANY (ARRAY[%2$s]::name[]) LOOP
                        EXECUTE format('ALTER TABLE %%s DROP CONSTRAINT %%I', %1$s, k.conname);
                    END LOOP;
                END
                $undo$""".formatted(Sql.literal(partition.toSql()), String.join(", ", kept));
    }

    private String schemaOf(QualifiedName name) throws SQLException {
        return name.schema() != null ? name.schema() : catalog.currentSchema();
    }

    /** The steps planned for one statement, and the context rewrites need. */
    static final class Steps {
        final Settings settings;
        final Catalog catalog;
        private final Set<QualifiedName> created;
        private final List<Step> steps = new ArrayList<>();

        Steps(Settings settings, Catalog catalog, Set<QualifiedName> created) {
            this.settings = settings;
            this.catalog = catalog;
            this.created = created;
        }

        void add(Step s) {
            steps.add(s);
        }

        int postgres() {
            return settings.postgresVersion();
        }

        /** Whether the table was created by an earlier statement of the script: no client uses it yet. */
        boolean isNew(QualifiedName table) {
            return created.contains(table);
        }

        List<Step> drain() {
            List<Step> out = List.copyOf(steps);
            steps.clear();
            return out;
        }

        String backfill(QualifiedName table, String column) throws SQLException {
            String schema = table.schema() != null ? table.schema() : catalog.currentSchema();
            Map<String, String> b = settings.backfill();
            for (String key : Set.of(table.name() + "." + column, schema + "." + table.name() + "." + column)) {
                if (b.containsKey(key)) {
                    return b.get(key);
                }
            }
            return null;
        }
    }
}
