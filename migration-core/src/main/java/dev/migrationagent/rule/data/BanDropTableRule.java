package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.RuleSupport;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;

/** DROP TABLE, DROP SCHEMA or DROP SEQUENCE destroys data irreversibly. */
public final class BanDropTableRule implements Rule {
    private static final RuleDescriptor D = RuleDescriptor.of("ban-drop-table", Category.DATA_LOSS, Severity.ERROR,
            "Dropping a table, schema or sequence destroys its data irreversibly");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (!(ctx.statement() instanceof Statement.Drop d)
                || !(d.kind() == ObjectKind.TABLE || d.kind() == ObjectKind.SCHEMA
                || d.kind() == ObjectKind.SEQUENCE)) {
            return;
        }
        for (QualifiedName n : d.names()) {
            if (d.kind() == ObjectKind.SCHEMA) {
                out.report("DROP SCHEMA " + QualifiedName.quote(n.name()) + (d.cascade() ? " CASCADE destroys every "
                        + "table in it" : " destroys the schema") + ", with no way back.",
                        "Back up the schema (pg_dump -n) and drop it in a release of its own, after checking that "
                        + "nothing uses it.");
                continue;
            }
            if (d.kind() == ObjectKind.SEQUENCE) {
                out.report("DROP SEQUENCE " + n.display() + " loses its current value; a recreated sequence starts "
                        + "again and hands out ids that already exist.",
                        "Keep the sequence until nothing uses it, and record its value first: SELECT last_value FROM "
                        + n.toSql() + ";");
                continue;
            }
            boolean known = ctx.model().isAuthoritative();
            if (!RuleSupport.existing(ctx, n) || (known && ctx.model().table(n) == null)) {
                continue;
            }
            out.report("DROP TABLE " + RuleSupport.describe(ctx, n) + " destroys all its rows irreversibly"
                    + (d.cascade() ? ", and CASCADE also drops dependent views and foreign keys" : "") + ".",
                    "Keep a copy before dropping, and drop only after nothing has used the table for a release:\n"
                    + "CREATE TABLE " + QualifiedName.quote(n.name() + "_backup") + " AS TABLE " + n.toSql() + ";\n"
                    + "-- or pg_dump -t " + n.toSql() + "; then DROP TABLE in a later release.");
        }
    }
}
