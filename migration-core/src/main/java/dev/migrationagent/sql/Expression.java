package dev.migrationagent.sql;

import java.util.List;

/**
 * An expression kept as text, with the function names it calls (lower-case, unqualified) so that rules can judge
 * volatility without a full expression grammar.
 *
 * @param text the expression as written
 * @param functions names of functions called, in order
 * @param constant true when it is a single literal (possibly cast), such as {@code 'x'} or {@code 0::bigint}
 */
public record Expression(String text, List<String> functions, boolean constant) {
    public Expression {
        functions = List.copyOf(functions);
    }
}
