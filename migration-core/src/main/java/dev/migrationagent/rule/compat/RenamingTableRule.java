package dev.migrationagent.rule.compat;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** Renaming (or moving to another schema) a table, view or schema that clients use. */
public final class RenamingTableRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("renaming-table", Category.BREAKING_CHANGE,
            Severity.ERROR, "Renaming or moving a table, view or schema breaks queries that use the old name");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        QualifiedName old = null;
        String to = null;
        String fix = null;
        if (ctx.statement() instanceof Statement.AlterTable at && RuleSupport.existing(ctx, at.table())) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.RenameTable rt) {
                    old = at.table();
                    to = rt.to();
                    fix = "ALTER TABLE " + old.toSql() + " RENAME TO " + QualifiedName.quote(rt.to()) + ";\n"
                            + "CREATE VIEW " + old.toSql() + " AS SELECT * FROM "
                            + new QualifiedName(old.schema(), rt.to()).toSql() + ";";
                } else if (a instanceof AlterAction.SetSchema ss) {
                    old = at.table();
                    QualifiedName moved = new QualifiedName(ss.schema(), at.table().name());
                    to = moved.toSql();
                    fix = "ALTER TABLE " + old.toSql() + " SET SCHEMA " + QualifiedName.quote(ss.schema()) + ";\n"
                            + "CREATE VIEW " + old.toSql() + " AS SELECT * FROM " + moved.toSql() + ";";
                }
            }
        } else if (ctx.statement() instanceof Statement.RenameObject r && RuleSupport.existing(ctx, r.name())) {
            old = r.name();
            to = r.newName();
            QualifiedName renamed = new QualifiedName(old.schema(), r.newName());
            switch (r.kind()) {
                case TABLE, VIEW -> fix = "ALTER " + r.kind().name() + " " + old.toSql() + " RENAME TO "
                        + QualifiedName.quote(r.newName()) + ";\nCREATE VIEW " + old.toSql()
                        + " AS SELECT * FROM " + renamed.toSql() + ";";
                case MATERIALIZED_VIEW -> fix = "ALTER MATERIALIZED VIEW " + old.toSql() + " RENAME TO "
                        + QualifiedName.quote(r.newName()) + ";\nCREATE VIEW " + old.toSql() + " AS SELECT * FROM "
                        + renamed.toSql() + ";";
                case SCHEMA -> fix = "-- a schema has no alias: create the new schema, move objects with "
                        + "ALTER ... SET SCHEMA in steps, and keep views in the old schema until clients moved.";
                default -> {
                    return;
                }
            }
        }
        if (old == null) {
            return;
        }
        out.report("Renaming " + old.display() + " to " + to + " breaks every query, service and report that still "
                + "uses the old name, the moment the migration commits.",
                "Rename and keep a compatibility view with the old name until every client has moved, then drop "
                + "the view in a later release:\n" + fix);
    }
}
