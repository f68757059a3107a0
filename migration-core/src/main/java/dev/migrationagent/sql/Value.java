package dev.migrationagent.sql;

/**
 * A literal value in an INSERT, kept so the schema model can reason about rows that migrations seeded.
 *
 * @param kind what sort of literal
 * @param text string contents or the literal's text; {@code null} for NULL and for non-literal expressions
 */
public record Value(Kind kind, String text) {
    /** Literal kinds. */
    public enum Kind { NULL, STRING, NUMBER, BOOLEAN, EXPRESSION }

    public static final Value NULL = new Value(Kind.NULL, null);
    public static final Value EXPRESSION = new Value(Kind.EXPRESSION, null);

    /** True when the value is a known literal (not NULL and not an expression). */
    public boolean isKnown() {
        return kind != Kind.NULL && kind != Kind.EXPRESSION;
    }
}
