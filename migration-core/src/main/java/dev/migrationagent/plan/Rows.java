package dev.migrationagent.plan;

import dev.migrationagent.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Row changes over a whole table, done in bounded batches instead of one long transaction. */
final class Rows {
    private Rows() {}

    /**
     * Whether a statement can be batched as it is: no WITH, FROM/USING of other tables, or RETURNING, whose meaning
     * would change when the statement runs once per batch.
     */
    static boolean plain(String text) {
        int depth = 0;
        boolean first = true;
        for (dev.migrationagent.sql.Token t : dev.migrationagent.sql.Lexer.tokenize(text)) {
            if (t.isComment()) {
                continue;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (first && t.is("with") || t.is("returning") || t.is("using")
                    || t.is("from") && !text.substring(0, t.start()).strip().toLowerCase(java.util.Locale.ROOT)
                            .matches("delete"))) {
                return false;
            }
            first = false;
        }
        return true;
    }

    static String update(Planner.Steps out, Statement.Update u) throws SQLException {
        if (u.setColumns().isEmpty() || u.setColumns().size() != u.setValues().size()) {
            return "the SET list cannot be batched as written (a row-valued SET or a sub-select): batch it by hand";
        }
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < u.setColumns().size(); i++) {
            sets.add(Sql.id(u.setColumns().get(i)) + " = " + u.setValues().get(i));
        }
        String err = Columns.backfill(out, u.table(), "SET " + String.join(", ", sets), u.where(),
                "update " + u.table().name());
        if (err != null) {
            return err;
        }
        mark(out, "the values that " + String.join(", ", u.setColumns()) + " of " + u.table().display()
                + " had before are overwritten; only a backup brings them back", 4);
        return null;
    }

    static String delete(Planner.Steps out, Statement.Delete d) throws SQLException {
        String problem = Columns.batchable(out, d.table());
        if (problem != null) {
            return problem;
        }
        List<String> key = out.catalog.primaryKey(d.table()).stream().map(Catalog.ColumnInfo::name).toList();
        out.add(Step.of("delete rows of " + d.table().name() + " in batches", "Rows are deleted in batches of at most "
                + out.settings.batchSize() + " by primary-key range, each committed on its own, so no statement "
                + "locks more than one batch.", StepKind.BATCHED, List.of(Sql.batched(d.table(), key, null,
                d.where(), out.settings.batchSize(), out.settings.batchPause())), List.of(), 5));
        mark(out, (d.where() == null ? "every row" : "the matching rows") + " of " + d.table().display()
                + " are deleted; only a backup brings them back", 5);
        return null;
    }

    // The last planned step loses data: say so, without tolerating any schema difference.
    private static void mark(Planner.Steps out, String what, int level) {
        List<Step> steps = out.drain();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            out.add(i == steps.size() - 1 ? s.irreversible(what, level) : s);
        }
    }
}
