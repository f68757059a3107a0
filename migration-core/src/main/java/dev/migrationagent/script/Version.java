package dev.migrationagent.script;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway migration version such as {@code 1}, {@code 1.2} or {@code 2024_06_01}, ordered part by part
 * numerically as Flyway orders them.
 *
 * @param parts the numeric parts
 * @param text the version as written
 */
public record Version(List<BigInteger> parts, String text) implements Comparable<Version> {
    public Version {
        parts = List.copyOf(parts);
    }

    /** Parses a version, or returns {@code null} when it is not one (digits separated by '.' or '_'). */
    public static Version parse(String text) {
        if (text == null || !text.matches("\\d+([._]\\d+)*")) {
            return null;
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("[._]")) {
            parts.add(new BigInteger(p));
        }
        // Trailing zero parts do not change a version: 1.0 equals 1.
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new Version(parts, text.replace('_', '.'));
    }

    @Override
    public int compareTo(Version o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
