package dev.migrationagent.lock;

import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.sql.Expression;
import java.util.Set;

/** Whether a default expression is volatile, which decides if ADD COLUMN rewrites the table on PostgreSQL 11+. */
public final class Volatility {
    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval",
            "timeofday", "setseed", "txid_current", "pg_current_xact_id", "random_normal");

    // Built-ins that are IMMUTABLE or STABLE and common in defaults. A function the migrations created counts as
    // declared (VOLATILE unless stated); any other name is taken to be one of PostgreSQL's many non-volatile
    // built-ins, since the volatile built-ins are the short list above.
    private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "current_date",
            "current_time", "localtimestamp", "localtime", "transaction_timestamp", "statement_timestamp",
            "current_user", "session_user", "current_role", "user", "lower", "upper", "coalesce", "concat",
            "to_char", "to_date", "to_timestamp", "make_date", "make_interval", "jsonb_build_object",
            "json_build_object", "jsonb_build_array", "array", "interval", "date_trunc", "length", "trim",
            "replace", "substring", "abs", "round", "greatest", "least", "nullif", "md5", "format", "timezone",
            "current_setting", "inet", "int4", "int8", "numeric", "text", "varchar", "bool", "array_fill");

    private Volatility() {}

    /** True when evaluating the expression once per row may give different values (or we cannot tell). */
    public static boolean isVolatile(Expression e, SchemaModel model) {
        if (e == null) {
            return false;
        }
        for (String f : e.functions()) {
            if (VOLATILE.contains(f)) {
                return true;
            }
            if (NON_VOLATILE.contains(f)) {
                continue;
            }
            if ("volatile".equals(model.functionVolatility(f))) {
                return true;
            }
        }
        return false;
    }

    /** The first volatile function the expression calls, for messages, or {@code null}. */
    public static String volatileFunction(Expression e, SchemaModel model) {
        if (e == null) {
            return null;
        }
        for (String f : e.functions()) {
            if (VOLATILE.contains(f) || (!NON_VOLATILE.contains(f) && "volatile".equals(model.functionVolatility(f)))) {
                return f + "()";
            }
        }
        return null;
    }

    /** True for a default that is NULL, so adding the column never touches rows. */
    public static boolean isNullDefault(Expression e) {
        return e == null || e.text().trim().equalsIgnoreCase("null");
    }
}
