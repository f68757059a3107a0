package dev.migrationagent.plan;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.IndexStatements;
import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** New columns, NOT NULL, type changes and renames as expand/backfill/contract steps. */
final class Columns {
    private Columns() {}

    static String add(Planner.Steps out, QualifiedName table, AlterAction.AddColumn add, String text)
            throws SQLException {
        ColumnDef col = add.column();
        if (out.catalog.oid(table) == 0) {
            return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(table, false, List.of(add)),
                    text);
        }
        if (col.generatedExpr() != null) {
            return "a stored generated column is computed for every existing row while the table is locked and "
                    + "rewritten, and no later step can turn a plain column into a generated one: add a plain "
                    + "column kept up to date by a trigger, backfilled in batches, if the value is needed";
        }
        boolean rewrites = out.catalog.rewrites(text, table);
        boolean notNull = col.notNull() || col.identity() || col.type().isSerial();
        if (!rewrites && !notNull) {
            return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(table, false, List.of(add)),
                    text);
        }
        if (!col.constraints().isEmpty()) {
            return "the new column carries inline constraints: add the column alone, then each constraint in a "
                    + "statement of its own, and plan again";
        }
        String c = col.name();
        String qc = Sql.id(c);
        String type = col.type().isSerial() ? serialBase(col.type().name()) : col.type().text();
        List<String> forward = new ArrayList<>();
        List<String> back = new ArrayList<>();
        String fill;
        QualifiedName sequence = null;
        if (col.identity() || col.type().isSerial()) {
            sequence = Sql.sibling(table, Sql.derived(table.name() + "_" + c, "_seq"));
            forward.add("CREATE SEQUENCE " + sequence.toSql() + " AS " + type);
            forward.add("ALTER TABLE " + table.toSql() + " ADD COLUMN " + qc + " " + type);
            forward.add("ALTER SEQUENCE " + sequence.toSql() + " OWNED BY " + table.toSql() + "." + qc);
            fill = "nextval(" + Sql.literal(sequence.toSql()) + ")";
            forward.add("ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " SET DEFAULT " + fill);
        } else {
            forward.add("ALTER TABLE " + table.toSql() + " ADD COLUMN " + qc + " " + type);
            if (col.defaultExpr() != null) {
                fill = col.defaultExpr().text();
                forward.add("ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " SET DEFAULT " + fill);
            } else {
                fill = out.backfill(table, c);
                if (fill == null) {
                    return "existing rows need a value for the new NOT NULL column " + c + " and it has no default: "
                            + "give one with backfill " + table.name() + "." + c + "=<SQL expression>";
                }
            }
        }
        back.add("ALTER TABLE " + table.toSql() + " DROP COLUMN IF EXISTS " + qc);
        if (sequence != null) {
            back.add("DROP SEQUENCE IF EXISTS " + sequence.toSql());
        }
        out.add(Step.of("add column " + c + " to " + table.name() + " without rewrite",
                "Adding the column without " + (rewrites ? "the default that rewrites the table" : "NOT NULL")
                + " is catalog work only; " + (col.defaultExpr() != null || sequence != null
                        ? "setting the default afterwards makes new rows get it, without touching existing ones."
                        : "existing rows are filled by the next step."),
                StepKind.CATALOG, forward, back, 1));
        String backfillError = backfill(out, table, "SET " + qc + " = " + fill, qc + " IS NULL",
                "fill " + c + " of existing rows of " + table.name());
        if (backfillError != null) {
            return backfillError;
        }
        if (notNull) {
            // Without a default, code that inserts without the column breaks once it is NOT NULL: that waits for a
            // later release, after every writer sets it.
            int release = col.defaultExpr() == null && sequence == null ? 2 : 1;
            String err = setNotNull(out, table, c, release);
            if (err != null) {
                return err;
            }
        }
        if (col.identity()) {
            out.add(Step.of("make " + c + " an identity column",
                    "The column becomes the identity column the migration asked for; its sequence continues from the "
                    + "interim one. Catalog work only: the column is already NOT NULL.", StepKind.CATALOG, List.of(
                    "ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " DROP DEFAULT",
                    "ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " ADD GENERATED BY DEFAULT AS IDENTITY",
                    "SELECT setval(pg_get_serial_sequence(" + Sql.literal(table.toSql()) + ", " + Sql.literal(c)
                            + "), nextval(" + Sql.literal(sequence.toSql()) + "))",
                    "DROP SEQUENCE " + sequence.toSql()), List.of(
                    "CREATE SEQUENCE " + sequence.toSql() + " AS " + type,
                    "SELECT setval(" + Sql.literal(sequence.toSql()) + ", nextval(pg_get_serial_sequence("
                            + Sql.literal(table.toSql()) + ", " + Sql.literal(c) + ")))",
                    "ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " DROP IDENTITY",
                    "ALTER SEQUENCE " + sequence.toSql() + " OWNED BY " + table.toSql() + "." + qc,
                    "ALTER TABLE " + table.toSql() + " ALTER COLUMN " + qc + " SET DEFAULT " + fill), 2));
        }
        return null;
    }

    private static String serialBase(String serial) {
        return switch (serial) {
            case "smallserial", "serial2" -> "smallint";
            case "serial", "serial4" -> "integer";
            default -> "bigint";
        };
    }

    /**
     * Makes an existing column NOT NULL without a long exclusive lock: a NOT VALID CHECK (catalog only), its
     * validation (a scan that blocks no reads or writes), then SET NOT NULL, which PostgreSQL 12 and later prove from
     * the validated CHECK without scanning, and the helper CHECK dropped.
     */
    static String setNotNull(Planner.Steps out, QualifiedName table, String column, int release)
            throws SQLException {
        if (out.postgres() < 12) {
            return "before PostgreSQL 12, SET NOT NULL scans the whole table under ACCESS EXCLUSIVE even when a "
                    + "validated CHECK (" + column + " IS NOT NULL) proves it: keep such a CHECK (added NOT VALID, "
                    + "then validated) as the guarantee instead of SET NOT NULL";
        }
        String qc = Sql.id(column);
        String t = table.toSql();
        if (out.catalog.hasValidatedNotNullCheck(table, column)) {
            out.add(new Step("set " + column + " not null", "A validated CHECK (" + column + " IS NOT NULL) already "
                    + "proves it, so SET NOT NULL skips its scan: catalog work only.", StepKind.CATALOG, release,
                    List.of("ALTER TABLE " + t + " ALTER COLUMN " + qc + " SET NOT NULL"), List.of("ALTER TABLE " + t
                    + " ALTER COLUMN " + qc + " DROP NOT NULL"), true, null, 2));
            return null;
        }
        String check = Sql.id(out.catalog.freeConstraintName(table, Sql.derived(table.name() + "_" + column,
                "_not_null")));
        out.add(new Step("add NOT VALID check " + column + " is not null",
                "A NOT VALID CHECK is catalog work only; it holds for new rows at once, and the next step proves it "
                + "for existing rows.", StepKind.CATALOG, release,
                List.of("ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + qc + " IS NOT NULL) NOT VALID"),
                List.of("ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check), true, null, 1));
        out.add(new Step("validate check " + column + " is not null",
                "VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor "
                + "writes; it runs in its own transaction so no other lock is held meanwhile.", StepKind.VALIDATE,
                release, List.of("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check), List.of(
                Constraints.unvalidate(t, QualifiedName.parse(check).name())), true, null, 2));
        out.add(new Step("set " + column + " not null",
                "SET NOT NULL uses the validated CHECK instead of scanning (PostgreSQL 12 and later), so the "
                + "ACCESS EXCLUSIVE lock lasts for catalog work only; the helper CHECK is then redundant.",
                StepKind.CATALOG, release, List.of("ALTER TABLE " + t + " ALTER COLUMN " + qc + " SET NOT NULL",
                "ALTER TABLE " + t + " DROP CONSTRAINT " + check), List.of(
                "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + qc + " IS NOT NULL) NOT VALID",
                "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check,
                "ALTER TABLE " + t + " ALTER COLUMN " + qc + " DROP NOT NULL"), true, null, 2));
        return null;
    }

    /** A batched row change as a step of its own; a reason when the table cannot be batched. */
    static String backfill(Planner.Steps out, QualifiedName table, String change, String filter, String description)
            throws SQLException {
        String problem = batchable(out, table);
        if (problem != null) {
            return problem;
        }
        List<String> key = out.catalog.primaryKey(table).stream().map(Catalog.ColumnInfo::name).toList();
        out.add(Step.of(description + " in batches", "Rows are changed in batches of at most "
                + out.settings.batchSize() + " by primary-key range, each batch committed on its own, so no "
                + "statement holds row locks on more than one batch. " + (filter != null
                        ? "Only rows that still need the change match, so a rerun after an interruption skips the "
                        + "batches already done."
                        : "If it stops half-way, the committed batches stay changed and a rerun changes them again: "
                        + "make the change idempotent, or add a WHERE that leaves changed rows out."),
                StepKind.BATCHED, List.of(Sql.batched(table, key, change, filter, out.settings.batchSize(),
                        out.settings.batchPause())), List.of(), 1));
        return null;
    }

    /** Why rows of {@code table} cannot be changed in batches, or {@code null}. */
    static String batchable(Planner.Steps out, QualifiedName table) throws SQLException {
        if (out.postgres() < 11) {
            return "batched row changes commit inside a DO block, which needs PostgreSQL 11; on "
                    + out.postgres() + " run the batches from the application or a script, one transaction each";
        }
        if (out.catalog.primaryKey(table).isEmpty()) {
            return "table " + table.display() + " has no primary key, so its rows cannot be changed in key-range "
                    + "batches: add a primary key first";
        }
        return null;
    }

    /**
     * A rewriting type change as a new column kept in sync by a trigger, backfilled in batches, and swapped in by a
     * contract step in a later release.
     */
    static String changeType(Planner.Steps out, QualifiedName table, AlterAction.AlterColumnType change, String text)
            throws SQLException {
        if (out.catalog.oid(table) == 0 || !out.catalog.rewrites(text, table)) {
            return Passthrough.plan(out, new dev.migrationagent.sql.Statement.AlterTable(table, false,
                    List.of(change)), text);
        }
        String c = change.column();
        Catalog.ColumnInfo old = out.catalog.column(table, c);
        if (old == null) {
            return "column " + c + " does not exist in " + table.display();
        }
        List<String> fks = out.catalog.referencingForeignKeys(table, c);
        if (!fks.isEmpty()) {
            return "foreign keys reference " + table.display() + "." + c + " (" + String.join(", ", fks)
                    + "): change their columns' type together with this one in a plan of its own";
        }
        List<QualifiedName> indexes = out.catalog.indexesOn(table, c);
        String pk = out.catalog.primaryKeyName(table);
        List<Catalog.ColumnInfo> pkColumns = out.catalog.primaryKey(table);
        boolean isKey = pkColumns.size() == 1 && pkColumns.get(0).name().equals(c);
        for (QualifiedName i : indexes) {
            Catalog.IndexInfo info = out.catalog.index(i);
            if (!(isKey && info.constraint() && i.name().equals(pk)) && !(info.columns().equals(List.of(c))
                    && !info.constraint())) {
                return "index " + i.display() + " uses " + c + " with other columns, an expression or a "
                        + "constraint: recreate it on the new column by hand";
            }
        }
        if (!isKey && batchable(out, table) != null) {
            return batchable(out, table);
        }
        String fresh = Sql.derived(c, "_new");
        String qc = Sql.id(c);
        String qf = Sql.id(fresh);
        String t = table.toSql();
        String newType = change.type().text();
        String convert = change.using() == null ? "%s::" + newType : change.using();
        QualifiedName fn = Sql.sibling(table, Sql.derived(table.name() + "_" + c, "_sync"));
        String trigger = Sql.id(fn.name());
        List<String> expand = new ArrayList<>();
        expand.add("ALTER TABLE " + t + " ADD COLUMN " + qf + " " + newType);
        if (old.defaultExpr() != null) {
            expand.add("ALTER TABLE " + t + " ALTER COLUMN " + qf + " SET DEFAULT " + old.defaultExpr());
        }
        expand.add("CREATE FUNCTION " + fn.toSql() + "() RETURNS trigger LANGUAGE plpgsql AS $sync$\nBEGIN\n    NEW."
                + qf + " := " + onColumn(convert, c, "NEW." + qc) + ";\n    RETURN NEW;\nEND\n$sync$");
        expand.add(syncTrigger(out, trigger, t, fn));
        out.add(Step.of("add column " + fresh + " of type " + newType + " kept in sync",
                "ALTER COLUMN ... TYPE here rewrites the table under ACCESS EXCLUSIVE. Instead a new column of the "
                + "new type is added (catalog work) and a trigger keeps it equal to " + c + " for every written "
                + "row.", StepKind.CATALOG, expand, List.of("DROP TRIGGER IF EXISTS " + trigger + " ON " + t,
                        "DROP FUNCTION IF EXISTS " + fn.toSql() + "()",
                        "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + qf), 1));
        String err = backfill(out, table, "SET " + qf + " = " + onColumn(convert, c, qc), qf + " IS DISTINCT FROM "
                + onColumn(convert, c, qc), "copy " + c + " into " + fresh);
        if (err != null) {
            return err;
        }
        if (old.notNull()) {
            err = setNotNull(out, table, fresh, 1);
            if (err != null) {
                return err;
            }
        }
        List<String> indexSwaps = new ArrayList<>();
        for (QualifiedName i : indexes) {
            Catalog.IndexInfo info = out.catalog.index(i);
            QualifiedName twin = Sql.sibling(i, Sql.derived(i.name(), "_new"));
            String definition = isKey && info.constraint() ? "CREATE UNIQUE INDEX " + Sql.id(twin.name()) + " ON "
                    + t + " (" + qf + ")" : info.definition().replaceFirst(" " + java.util.regex.Pattern.quote(
                    Sql.id(i.name())) + " ON ", " " + java.util.regex.Matcher.quoteReplacement(Sql.id(twin.name()))
                    + " ON ").replace("(" + qc + ")", "(" + qf + ")");
            out.add(Step.of("build index " + twin.name() + " on " + fresh,
                    "The new column needs the indexes of the old one before the swap; they are built concurrently.",
                    StepKind.CONCURRENT, Indexes.guarded(twin, IndexStatements.concurrent(definition)),
                    List.of("DROP INDEX CONCURRENTLY IF EXISTS " + twin.toSql()), 1).rollbackOutsideTransaction());
            if (isKey && info.constraint()) {
                indexSwaps.add("ALTER TABLE " + t + " DROP CONSTRAINT " + Sql.id(pk));
                indexSwaps.add("ALTER TABLE " + t + " ADD CONSTRAINT " + Sql.id(pk) + " PRIMARY KEY USING INDEX "
                        + Sql.id(twin.name()));
            } else {
                indexSwaps.add("DROP INDEX " + i.toSql());
                indexSwaps.add("ALTER INDEX " + twin.toSql() + " RENAME TO " + Sql.id(i.name()));
            }
        }
        String old2 = Sql.derived(c, "_old");
        List<String> swap = new ArrayList<>();
        swap.add("LOCK TABLE " + t + " IN ACCESS EXCLUSIVE MODE");
        swap.add("DROP TRIGGER " + trigger + " ON " + t);
        swap.add("DROP FUNCTION " + fn.toSql() + "()");
        swap.addAll(indexSwaps.stream().filter(s -> s.contains("DROP CONSTRAINT")).toList());
        swap.add("ALTER TABLE " + t + " RENAME COLUMN " + qc + " TO " + Sql.id(old2));
        swap.add("ALTER TABLE " + t + " RENAME COLUMN " + qf + " TO " + qc);
        swap.addAll(indexSwaps.stream().filter(s -> !s.contains("DROP CONSTRAINT")).toList());
        String sequence = out.catalog.ownedSequence(table, c);
        if (sequence != null) {
            swap.add("ALTER SEQUENCE " + sequence + " OWNED BY " + t + "." + qc);
        }
        swap.add("ALTER TABLE " + t + " DROP COLUMN " + Sql.id(old2));
        out.add(new Step("swap " + fresh + " in for " + c,
                "Contract step for a later release, once no running code writes " + c + " with the old type: the "
                + "columns swap names in one short transaction (catalog work only) and the old column is dropped.",
                StepKind.CATALOG, 2, swap, List.of(), true, null, 5)
                .irreversible("the old column " + c + " (" + old.type() + ") is dropped; to go back, plan the "
                        + "reverse type change", 5));
        return null;
    }

    // EXECUTE FUNCTION is the spelling since PostgreSQL 11; PROCEDURE still works there but is deprecated.
    private static String syncTrigger(Planner.Steps out, String trigger, String table, QualifiedName fn) {
        return "CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + table + " FOR EACH ROW EXECUTE "
                + (out.postgres() >= 11 ? "FUNCTION " : "PROCEDURE ") + fn.toSql() + "()";
    }

    private static String schema(Planner.Steps out, QualifiedName table) throws SQLException {
        return table.schema() != null ? table.schema() : out.catalog.schemaOf(table);
    }

    /** {@code convert} with the column {@code c} (the {@code %s} placeholder or its name as a word) as {@code ref}. */
    private static String onColumn(String convert, String c, String ref) {
        if (convert.contains("%s")) {
            return convert.replace("%s", ref);
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Token tok : Lexer.tokenize(convert)) {
            boolean named = (tok.type() == dev.migrationagent.sql.TokenType.WORD && tok.value().equals(c))
                    || (tok.type() == dev.migrationagent.sql.TokenType.QUOTED_IDENT && tok.value().equals(c));
            if (named) {
                b.append(convert, at, tok.start()).append(ref);
                at = tok.end();
            }
        }
        return b.append(convert.substring(at)).toString();
    }

    /**
     * A renamed column as a new column kept in sync both ways by a trigger and backfilled, so old code that uses
     * the old name and new code that uses the new one work side by side; the old column goes in a later release.
     */
    static String rename(Planner.Steps out, QualifiedName table, String from, String to) throws SQLException {
        Catalog.ColumnInfo old = out.catalog.column(table, from);
        if (old == null) {
            return "column " + from + " does not exist in " + table.display();
        }
        if (!out.catalog.indexesOn(table, from).isEmpty() || !out.catalog.referencingForeignKeys(table, from)
                .isEmpty()) {
            return "column " + from + " is indexed or referenced: renaming it safely needs those recreated on the "
                    + "new column by hand; or rename in one step during a window when every client is updated";
        }
        if (old.identity() || old.generated()) {
            return "column " + from + " is an identity or generated column: no trigger can keep a copy in step";
        }
        String problem = batchable(out, table);
        if (problem != null) {
            return problem;
        }
        String t = table.toSql();
        String qf = Sql.id(from);
        String qt = Sql.id(to);
        QualifiedName fn = Sql.sibling(table, Sql.derived(table.name() + "_" + to, "_sync"));
        String trigger = Sql.id(fn.name());
        List<String> expand = new ArrayList<>();
        expand.add("ALTER TABLE " + t + " ADD COLUMN " + qt + " " + old.type());
        if (old.defaultExpr() != null) {
            expand.add("ALTER TABLE " + t + " ALTER COLUMN " + qt + " SET DEFAULT " + old.defaultExpr());
        }
        // Old code writes only the old column and new code only the new one: copy whichever one was written.
        expand.add("CREATE FUNCTION " + fn.toSql() + "() RETURNS trigger LANGUAGE plpgsql AS $sync$\nBEGIN\n"
                + "    IF TG_OP = 'INSERT' THEN\n"
                + "        IF NEW." + qt + " IS NULL THEN NEW." + qt + " := NEW." + qf + "; ELSE NEW." + qf + " := NEW."
                + qt + "; END IF;\n"
                + "    ELSIF NEW." + qt + " IS DISTINCT FROM OLD." + qt + " THEN\n        NEW." + qf + " := NEW." + qt
                + ";\n    ELSE\n        NEW." + qt + " := NEW." + qf + ";\n    END IF;\n    RETURN NEW;\nEND\n$sync$");
        expand.add(syncTrigger(out, trigger, t, fn));
        List<String> undoExpand = List.of("DROP TRIGGER IF EXISTS " + trigger + " ON " + t,
                "DROP FUNCTION IF EXISTS " + fn.toSql() + "()", "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + qt);
        out.add(Step.of("add column " + to + " kept in sync with " + from,
                "Renaming breaks every client that still uses " + from + ". Instead " + to + " is added and a trigger "
                + "copies whichever of the two a writer set into the other, so old and new code run side by side.",
                StepKind.CATALOG, expand, undoExpand, 1));
        String err = backfill(out, table, "SET " + qt + " = " + qf, qt + " IS DISTINCT FROM " + qf,
                "copy " + from + " into " + to);
        if (err != null) {
            return err;
        }
        if (old.notNull()) {
            err = setNotNull(out, table, to, 1);
            if (err != null) {
                return err;
            }
        }
        List<String> contract = new ArrayList<>();
        contract.add("DROP TRIGGER " + trigger + " ON " + t);
        contract.add("DROP FUNCTION " + fn.toSql() + "()");
        contract.add("ALTER TABLE " + t + " DROP COLUMN " + qf);
        String s = schema(out, table);
        out.add(new Step("drop old column " + from,
                "Contract step for a later release, once no running code uses " + from + ": the sync trigger and the "
                + "old column go; its values live on in " + to + ".", StepKind.CATALOG, 2, contract, List.of(), true,
                null, 5).irreversible("column " + from + " is dropped (its values are in " + to + "); "
                + "to go back, plan the reverse rename", 5));
        return null;
    }

    static String dropDefault(Planner.Steps out, QualifiedName table, String column, String text)
            throws SQLException {
        Catalog.ColumnInfo info = out.catalog.column(table, column);
        if (info == null) {
            return "column " + column + " does not exist in " + table.display();
        }
        List<String> back = info.defaultExpr() == null ? List.of() : List.of("ALTER TABLE " + table.toSql()
                + " ALTER COLUMN " + Sql.id(column) + " SET DEFAULT " + info.defaultExpr());
        out.add(new Step("drop default of " + column,
                "Contract step for a later release: inserts that leave out " + column + " rely on its default, so it "
                + "goes only once every writer sets the column. Catalog work only.", StepKind.CATALOG, 2,
                List.of(text), back, true, null, 2));
        return null;
    }
}
