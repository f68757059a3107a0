package dev.migrationagent.sql;

import java.util.List;

/**
 * A column type with PostgreSQL's aliases folded to one canonical name ({@code integer} → {@code int4},
 * {@code character varying} → {@code varchar}, {@code timestamp with time zone} → {@code timestamptz}).
 *
 * @param name canonical name, or the user type's (possibly qualified) name
 * @param modifiers type modifiers such as the length of varchar or the precision and scale of numeric
 * @param array whether it is an array type
 * @param text the type as written
 */
public record TypeName(String name, List<Integer> modifiers, boolean array, String text) {
    public TypeName {
        modifiers = List.copyOf(modifiers);
    }

    /** True for serial, bigserial and smallserial, which are integers with a sequence default. */
    public boolean isSerial() {
        return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
    }

    /** The first modifier or -1. */
    public int modifier(int index) {
        return modifiers.size() > index ? modifiers.get(index) : -1;
    }

    @Override
    public String toString() {
        return text;
    }
}
