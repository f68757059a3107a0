package dev.migrationagent.plan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An exact description of a database's user schema, one line per object in the catalog's own spelling, used to prove
 * that a plan's rollback restores the schema it started from. Both sides of a comparison come from the same server,
 * so defaults, constraint and index definitions, view queries and function bodies are compared as text; column order
 * is not compared, because PostgreSQL cannot move a column back to its old position.
 *
 * @param lines the sorted lines
 */
record Snapshot(Set<String> lines) {
    private static final String USER = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";
    // One round trip; every branch yields (kind, key, detail) so a difference names the object that differs.
    private static final String QUERY = """
            SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r','p','v','m','S','f') AND %1$s
            UNION ALL
            SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '
                   || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
                   || coalesce(' collate ' || nullif(co.collname, 'default'), '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
                 AND a.attcollation <> (SELECT typcollation FROM pg_type WHERE oid = a.atttypid)
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m','f') AND %1$s
            UNION ALL
            SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' '
                   || pg_get_constraintdef(k.oid) || CASE WHEN k.convalidated THEN '' ELSE ' (not validated)' END
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %1$s
            UNION ALL
            SELECT 'index ' || n.nspname || '.' || ic.relname || ' ' || pg_get_indexdef(i.indexrelid)
                   || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
            WHERE %1$s
            UNION ALL
            SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid, true)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v','m') AND %1$s
            UNION ALL
            SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND %1$s
            UNION ALL
            SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)
                   || ') ' || md5(p.prosrc)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE %1$s
            UNION ALL
            SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text || coalesce(' ' || (
                       SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
                       WHERE e.enumtypid = t.oid), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype IN ('e','d','c','r') AND (t.typrelid = 0
                  OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND %1$s
            UNION ALL
            SELECT 'sequence-owner ' || n.nspname || '.' || s.relname || ' ' || c.relname || '.' || a.attname
            FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
            JOIN pg_namespace n ON n.oid = s.relnamespace
            JOIN pg_class c ON c.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i')
              AND %1$s
            """.formatted(USER);

    Snapshot {
        lines = Set.copyOf(new TreeSet<>(lines));
    }

    /** Reads the schema of the database {@code c} is connected to, leaving out {@code historyTable} (Flyway's). */
    static Snapshot read(Connection c, String historyTable) throws SQLException {
        Set<String> lines = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!mentions(line, historyTable)) {
                    lines.add(line);
                }
            }
        }
        return new Snapshot(lines);
    }

    private static boolean mentions(String line, String table) {
        int space = line.indexOf(' ');
        String key = line.substring(space + 1);
        int dot = key.indexOf('.');
        String rest = key.substring(dot + 1);
        return rest.startsWith(table + " ") || rest.startsWith(table + ".") || rest.startsWith(table + "_pk ");
    }

    /** The lines that differ, each prefixed by {@code -} (only here) or {@code +} (only in {@code other}). */
    List<String> diff(Snapshot other) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!other.lines.contains(l)) {
                out.add("- " + l);
            }
        }
        for (String l : other.lines) {
            if (!lines.contains(l)) {
                out.add("+ " + l);
            }
        }
        return out;
    }
}
