package dev.migrationagent.lock;

import dev.migrationagent.sql.TypeName;
import java.util.Set;

/**
 * Which {@code ALTER COLUMN TYPE} changes avoid a table rewrite (binary-coercible casts and typmod relaxations),
 * and which ones lose or reject data.
 */
public final class TypeChanges {
    private static final Set<String> TEXTUAL = Set.of("text", "varchar", "bpchar", "citext", "name");
    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8", "serial", "bigserial",
            "smallserial");
    private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "numeric", "float4", "float8",
            "serial", "bigserial", "smallserial", "money");

    private TypeChanges() {}

    /** True when PostgreSQL must rewrite the table (and rebuild its indexes) for this change. */
    public static boolean rewrites(TypeName from, TypeName to) {
        if (from == null || from.array() != to.array()) {
            return true;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b)) {
            return switch (a) {
                case "varchar", "bit", "varbit" -> shrinks(from, to, 0);
                case "bpchar" -> from.modifier(0) != to.modifier(0);
                case "numeric" -> numericRewrites(from, to);
                case "timestamp", "timestamptz", "time", "timetz", "interval" -> shrinks(from, to, 0);
                default -> !from.modifiers().equals(to.modifiers());
            };
        }
        if (a.equals("varchar") && b.equals("text")) {
            return false;
        }
        if (a.equals("text") && b.equals("varchar")) {
            return to.modifier(0) >= 0;
        }
        if (a.equals("cidr") && b.equals("inet")) {
            return false;
        }
        // timestamp <-> timestamptz needs no rewrite only when the session time zone is UTC (PG 12+); migrations
        // cannot rely on the session time zone, so this stays a rewrite.
        return true;
    }

    private static boolean shrinks(TypeName from, TypeName to, int index) {
        int a = from.modifier(index);
        int b = to.modifier(index);
        if (b < 0) {
            return false; // Removing the limit never needs a rewrite.
        }
        return a < 0 || b < a;
    }

    private static boolean numericRewrites(TypeName from, TypeName to) {
        if (to.modifiers().isEmpty()) {
            return false;
        }
        if (from.modifiers().isEmpty()) {
            return true;
        }
        int scaleA = Math.max(0, from.modifier(1));
        int scaleB = Math.max(0, to.modifier(1));
        return scaleA != scaleB || to.modifier(0) < from.modifier(0);
    }

    /** True when the change silently rounds or truncates stored values. */
    public static boolean losesData(TypeName from, TypeName to) {
        if (from == null) {
            return false;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals("numeric") && b.equals("numeric")) {
            int scaleA = from.modifiers().isEmpty() ? Integer.MAX_VALUE : Math.max(0, from.modifier(1));
            int scaleB = to.modifiers().isEmpty() ? Integer.MAX_VALUE : Math.max(0, to.modifier(1));
            return scaleB < scaleA;
        }
        if ((a.equals("numeric") || a.startsWith("float")) && INTEGERS.contains(b)) {
            return true;
        }
        if (a.equals("float8") && b.equals("float4")) {
            return true;
        }
        if ((a.equals("timestamptz") || a.equals("timestamp")) && b.equals("date")) {
            return true;
        }
        return (a.equals("timestamp") || a.equals("timestamptz") || a.equals("time")) && a.equals(b)
                && to.modifier(0) >= 0 && (from.modifier(0) < 0 || to.modifier(0) < from.modifier(0));
    }

    /** True when the change rejects values that the old type accepted (the ALTER can fail, writers break). */
    public static boolean narrows(TypeName from, TypeName to) {
        if (from == null) {
            return false;
        }
        String a = from.name();
        String b = to.name();
        if (TEXTUAL.contains(a) && (b.equals("varchar") || b.equals("bpchar")) && to.modifier(0) >= 0) {
            return from.modifier(0) < 0 || to.modifier(0) < from.modifier(0);
        }
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return rank(b) < rank(a);
        }
        if (a.equals("numeric") && b.equals("numeric") && !to.modifiers().isEmpty()) {
            int intDigitsA = from.modifiers().isEmpty() ? Integer.MAX_VALUE
                    : from.modifier(0) - Math.max(0, from.modifier(1));
            int intDigitsB = to.modifier(0) - Math.max(0, to.modifier(1));
            return intDigitsB < intDigitsA;
        }
        return false;
    }

    /** True when clients written for the old type are likely to break (a different family of types). */
    public static boolean changesFamily(TypeName from, TypeName to) {
        if (from == null) {
            return false;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b)) {
            return false;
        }
        if (TEXTUAL.contains(a) && TEXTUAL.contains(b)) {
            return false;
        }
        if (NUMERIC.contains(a) && NUMERIC.contains(b)) {
            return false;
        }
        if (Set.of("json", "jsonb").containsAll(Set.of(a, b))) {
            return false;
        }
        return !(Set.of("date", "timestamp", "timestamptz").containsAll(Set.of(a, b)));
    }

    private static int rank(String t) {
        return switch (t) {
            case "int2", "smallserial" -> 2;
            case "int4", "serial" -> 4;
            default -> 8;
        };
    }
}
