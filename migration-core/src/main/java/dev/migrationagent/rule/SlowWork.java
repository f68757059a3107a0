package dev.migrationagent.rule;

import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.lock.Work;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.Token;
import java.util.List;

/**
 * Finds the pattern "strong lock taken earlier in the transaction, slow work now on the same table", shared by the
 * blocking-lock and transaction-hazard rules that report its two sides.
 */
public final class SlowWork {
    /** The earlier lock and the slow effect that extends it. */
    public record Match(TransactionState.HeldLock held, TableEffect effect) {}

    private SlowWork() {}

    /** The first match for the current statement, or {@code null}. */
    public static Match find(RuleContext ctx) {
        if (!ctx.inTransaction()) {
            return null;
        }
        for (TableEffect e : effects(ctx)) {
            if (!e.work().proportional() || !ctx.size(e.table()).matters()) {
                continue;
            }
            TransactionState.HeldLock held = ctx.transaction().strongestOn(SchemaModel.resolve(e.table()));
            if (held == null) {
                continue;
            }
            boolean worse = (held.mode().blocksReads() && !e.mode().blocksReads())
                    || (held.mode().blocksWrites() && !e.mode().blocksWrites());
            if (worse) {
                return new Match(held, e);
            }
        }
        return null;
    }

    /** The statement's effects, with whole-table UPDATE/DELETE counted as slow row changes. */
    private static java.util.List<TableEffect> effects(RuleContext ctx) {
        java.util.List<TableEffect> out = new java.util.ArrayList<>(ctx.effects());
        String where = null;
        boolean dml = false;
        if (ctx.statement() instanceof Statement.Update u) {
            where = u.where();
            dml = true;
        } else if (ctx.statement() instanceof Statement.Delete d) {
            where = d.where();
            dml = true;
        }
        if (dml && touchesEveryRow(ctx, where)) {
            out.replaceAll(e -> new TableEffect(e.table(), e.mode(), Work.ROW_CHANGE));
        }
        return out;
    }

    /**
     * True when an UPDATE/DELETE changes every row: no WHERE, or a WHERE that only tests a column added by the
     * migrations under review for NULL (every existing row matches).
     */
    public static boolean touchesEveryRow(RuleContext ctx, String where) {
        if (where == null) {
            return true;
        }
        List<Token> t = Lexer.tokenize(where).stream()
                .filter(x -> !x.isComment() && !x.isSymbol("(") && !x.isSymbol(")")).toList();
        if (t.size() != 3 || !t.get(0).isIdentifier() || !t.get(1).is("is") || !t.get(2).is("null")) {
            return false;
        }
        String col = t.get(0).value();
        Statement s = ctx.statement();
        return (s instanceof Statement.Update u && ctx.isNewColumn(u.table(), col))
                || (s instanceof Statement.Delete d && ctx.isNewColumn(d.table(), col));
    }
}
