package dev.migrationagent.validate;

import dev.migrationagent.introspect.OutlineEntry;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.Index;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.schema.View;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two schema models on what both a parsed migration and the catalog describe reliably: tables, views,
 * columns with their canonical types, constraints by name and kind, and indexes by name. Defaults, CHECK texts,
 * sequences, functions and types are left out because the two sides spell them differently.
 */
public final class SchemaDiff {
    /** How an object differs. */
    public enum Kind {
        /** Only the actual schema has it. */
        EXTRA,
        /** Only the expected schema has it. */
        MISSING,
        /** Both have it, with different details. */
        CHANGED
    }

    /**
     * One difference.
     *
     * @param kind how it differs
     * @param object what differs, such as {@code column orders.note}
     * @param expected the expected detail, or {@code null} when the object is missing there
     * @param actual the actual detail, or {@code null} when the object is missing there
     * @param relation the table, view or index that differs as a whole, or {@code null} for a part of a table
     */
    public record Difference(Kind kind, String object, String expected, String actual, QualifiedName relation) {}

    private SchemaDiff() {}

    /** The differences of {@code actual} from {@code expected}, in a stable order. */
    public static List<Difference> compare(SchemaModel expected, SchemaModel actual) {
        return compare(expected, actual, Set.of(), Set.of());
    }

    /**
     * The differences of {@code actual} from {@code expected}, in a stable order.
     *
     * @param shallow tables compared only by existence, because one side cannot know their parts
     * @param ignored tables not compared at all
     */
    public static List<Difference> compare(SchemaModel expected, SchemaModel actual, Set<QualifiedName> shallow,
            Set<QualifiedName> ignored) {
        Map<String, QualifiedName> relations = new HashMap<>();
        Map<String, String> want = describe(expected, shallow, ignored, relations);
        Map<String, String> have = describe(actual, shallow, ignored, relations);
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, String> e : want.entrySet()) {
            String now = have.get(e.getKey());
            if (now == null) {
                if (!parentAlso(e.getKey(), have)) {
                    out.add(new Difference(Kind.MISSING, name(e.getKey()), e.getValue(), null, relations.get(e.getKey())));
                }
            } else if (!now.equals(e.getValue())) {
                out.add(new Difference(Kind.CHANGED, name(e.getKey()), e.getValue(), now, null));
            }
        }
        for (Map.Entry<String, String> e : have.entrySet()) {
            if (!want.containsKey(e.getKey()) && !parentAlso(e.getKey(), want)) {
                out.add(new Difference(Kind.EXTRA, name(e.getKey()), null, e.getValue(), relations.get(e.getKey())));
            }
        }
        return out;
    }

    private static String name(String key) {
        int hash = key.indexOf(" #");
        return hash < 0 ? key : key.substring(0, hash);
    }

    // A missing table explains its missing columns, constraints and indexes: report the table alone.
    private static boolean parentAlso(String object, Map<String, String> other) {
        int hash = object.indexOf(" #");
        return hash >= 0 && !other.containsKey(object.substring(hash + 2));
    }

    /**
     * Every compared object, keyed by a readable name; a column, constraint or index key ends in {@code #} and its
     * table's key, so a difference of the whole table can hide those of its parts.
     */
    private static Map<String, String> describe(SchemaModel m, Set<QualifiedName> shallow,
            Set<QualifiedName> ignored, Map<String, QualifiedName> relations) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QualifiedName n : m.tableNames().stream().sorted(SchemaDiff::order).toList()) {
            if (ignored.contains(n)) {
                continue;
            }
            Table t = m.table(n);
            String table = table(n);
            out.put(table, t.partitioned() ? "partitioned" : "");
            relations.put(table, n);
            if (shallow.contains(n)) {
                continue;
            }
            for (Column c : t.columns()) {
                out.put(column(n, c.name()) + " #" + table, type(c.type()));
            }
            for (Constraint c : t.constraints()) {
                out.put(constraint(n, c.name()) + " #" + table,
                        c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
            for (Index i : m.indexesOn(n)) {
                out.put(index(i.name()) + " #" + table, "on " + n.display());
                relations.put(index(i.name()) + " #" + table, SchemaModel.resolve(i.name()));
            }
        }
        for (QualifiedName n : m.viewNames().stream().sorted(SchemaDiff::order).toList()) {
            View v = m.view(n);
            String view = view(n, v.materialized());
            out.put(view, "");
            relations.put(view, n);
        }
        return out;
    }

    /**
     * The compared objects of {@code m} by the name a {@link Difference} gives them, with their compared details:
     * what changes from one statement to the next in a prediction.
     */
    static Map<String, String> objects(SchemaModel m, Set<QualifiedName> shallow, Set<QualifiedName> ignored) {
        Map<String, String> out = new HashMap<>();
        describe(m, shallow, ignored, new HashMap<>()).forEach((k, v) -> out.put(name(k), v));
        return out;
    }

    /** The outlined objects by the name a {@link Difference} gives them, with their state tokens. */
    static Map<String, String> objects(List<OutlineEntry> outline) {
        Map<String, String> out = new HashMap<>();
        for (OutlineEntry e : outline) {
            String name = switch (e.kind()) {
                case TABLE -> table(e.relation());
                case VIEW -> view(e.relation(), false);
                case MATERIALIZED_VIEW -> view(e.relation(), true);
                case INDEX -> index(e.relation());
                case COLUMN -> column(e.relation(), e.part());
                case CONSTRAINT -> constraint(e.relation(), e.part());
            };
            out.put(name, e.state());
        }
        return out;
    }

    private static String table(QualifiedName n) {
        return "table " + n.display();
    }

    private static String column(QualifiedName table, String column) {
        return "column " + table.display() + "." + QualifiedName.quote(column);
    }

    private static String constraint(QualifiedName table, String constraint) {
        return "constraint " + QualifiedName.quote(constraint) + " on " + table.display();
    }

    private static String index(QualifiedName index) {
        return "index " + index.display();
    }

    private static String view(QualifiedName n, boolean materialized) {
        return (materialized ? "materialized view " : "view ") + n.display();
    }

    private static int order(QualifiedName a, QualifiedName b) {
        return a.toString().compareTo(b.toString());
    }

    /** The canonical type text: name, modifiers and array-ness, as both sides normalize them. */
    static String type(TypeName t) {
        // The parser keeps serial as written; the catalog has the integer type behind it.
        String name = switch (t.name()) {
            case "serial" -> "int4";
            case "bigserial" -> "int8";
            case "smallserial" -> "int2";
            default -> t.name();
        };
        return name + (t.modifiers().isEmpty() ? "" : t.modifiers().stream().map(String::valueOf)
                .collect(Collectors.joining(",", "(", ")"))) + (t.array() ? "[]" : "");
    }
}
