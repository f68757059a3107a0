package dev.migrationagent.rule;

import dev.migrationagent.lock.LockEstimator;
import dev.migrationagent.schema.TableSize;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers that many rules share: reaching ALTER TABLE actions, naming tables with their size, SQL edits. */
public final class RuleSupport {
    private RuleSupport() {}

    /** The ALTER TABLE actions of the statement, or an empty list. */
    public static List<AlterAction> actions(RuleContext ctx) {
        return ctx.statement() instanceof Statement.AlterTable at ? at.actions() : List.of();
    }

    /** The ALTER TABLE actions of one kind, in order. */
    public static <T extends AlterAction> List<T> actions(RuleContext ctx, Class<T> kind) {
        return actions(ctx).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The table an ALTER TABLE changes when it existed before the migrations under review, else {@code null}. */
    public static QualifiedName existingAlteredTable(RuleContext ctx) {
        QualifiedName t = alteredTable(ctx);
        return t != null && existing(ctx, t) ? t : null;
    }

    /** The table an ALTER TABLE changes when it exists and is large or of unknown size, else {@code null}. */
    public static QualifiedName largeAlteredTable(RuleContext ctx) {
        QualifiedName t = alteredTable(ctx);
        return t != null && matters(ctx, t) ? t : null;
    }

    /** The table an ALTER TABLE statement changes, or {@code null}. */
    public static QualifiedName alteredTable(RuleContext ctx) {
        return ctx.statement() instanceof Statement.AlterTable at ? at.table() : null;
    }

    /** {@code orders (~50,000,000 rows)}. */
    public static String describe(RuleContext ctx, QualifiedName table) {
        return table.display() + " (" + ctx.size(table).describe() + ")";
    }

    /** True when the table exists before the migrations under review and is large or of unknown size. */
    public static boolean matters(RuleContext ctx, QualifiedName table) {
        TableSize s = ctx.size(table);
        return s.matters();
    }

    /** True when the table existed before the migrations under review. */
    public static boolean existing(RuleContext ctx, QualifiedName table) {
        return !ctx.isNew(table);
    }

    /** {@code ~12 s} style text for an estimate. */
    public static String duration(Double seconds) {
        return LockEstimator.describe(seconds);
    }

    /** PostgreSQL major version text for messages. */
    public static String pg(RuleContext ctx) {
        return "PostgreSQL " + ctx.pg();
    }

    /**
     * The columns of an existing table that the statement drops and that exist in the schema model (or the model
     * does not know the table): the ones whose drop clients and data notice.
     */
    public static List<AlterAction.DropColumn> droppedExistingColumns(RuleContext ctx, QualifiedName table) {
        var t = ctx.model().table(table);
        return actions(ctx, AlterAction.DropColumn.class).stream().filter(dc -> !ctx.isNewColumn(table, dc.column())
                && (t == null || t.column(dc.column()) != null)).toList();
    }

    /**
     * Inserts {@code insertion} after the first match of {@code keywordsRegex} (case-insensitive) in the statement
     * text, e.g. to turn {@code CREATE INDEX} into {@code CREATE INDEX CONCURRENTLY}.
     */
    public static String insertAfter(String sql, String keywordsRegex, String insertion) {
        Matcher m = Pattern.compile(keywordsRegex, Pattern.CASE_INSENSITIVE).matcher(sql);
        if (!m.find()) {
            return sql;
        }
        return sql.substring(0, m.end()) + insertion + sql.substring(m.end());
    }

    /** The statement text with a semicolon, as a line of a suggested script. */
    public static String terminated(String sql) {
        String t = sql.strip();
        return t.endsWith(";") ? t : t + ";";
    }
}
