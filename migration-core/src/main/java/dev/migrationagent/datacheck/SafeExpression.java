package dev.migrationagent.datacheck;

import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a CHECK expression may be embedded in {@code WHERE NOT (...)} on the target. The read-only
 * transaction stops writes, but not every side effect (a function may sleep, signal a backend or call out), so only
 * operators, literals, column names, casts and a list of built-in immutable or stable functions pass.
 */
final class SafeExpression {
    private static final Set<String> FUNCTIONS = Set.of(
            "abs", "array_length", "array_position", "btrim", "cardinality", "ceil", "ceiling", "char_length",
            "character_length", "coalesce", "date_part", "date_trunc", "extract", "floor", "greatest",
            "json_typeof", "jsonb_array_length", "jsonb_typeof", "least", "left", "length", "lower", "lpad",
            "ltrim", "mod", "nullif", "num_nonnulls", "num_nulls", "octet_length", "position", "replace", "right",
            "round", "rpad", "rtrim", "sign", "starts_with", "strpos", "substr", "substring", "trim", "trunc",
            "upper");
    // Key words that may stand before a parenthesis without calling anything.
    private static final Set<String> KEYWORDS_BEFORE_PAREN = Set.of(
            "and", "or", "not", "in", "any", "all", "some", "between", "is", "case", "when", "then", "else",
            "like", "ilike", "similar", "cast", "array", "row", "distinct", "from", "as", "overlaps");
    // Forms that would run a query or reach outside the row.
    private static final Set<String> FORBIDDEN_WORDS = Set.of("select", "exists", "values", "with", "table");

    private SafeExpression() {}

    /** True when {@code expression} is balanced and calls nothing outside the allow-list. */
    static boolean isSafe(String expression) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        List<Token> tokens = Lexer.tokenize(expression);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isComment() || t.type() == TokenType.ERROR || t.type() == TokenType.PARAMETER
                    || t.type() == TokenType.PLACEHOLDER || t.isSymbol(";")) {
                return false;
            }
            if (t.type() == TokenType.WORD && FORBIDDEN_WORDS.contains(t.value())) {
                return false;
            }
            if (t.isSymbol("(")) {
                depth++;
                if (i > 0 && !callAllowed(tokens, i - 1)) {
                    return false;
                }
            } else if (t.isSymbol(")") && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean callAllowed(List<Token> tokens, int before) {
        Token name = tokens.get(before);
        if (name.type() == TokenType.SYMBOL) {
            // An operator or another parenthesis: grouping, not a call.
            return !name.isSymbol(".");
        }
        if (name.type() == TokenType.QUOTED_IDENT || (before > 0 && tokens.get(before - 1).isSymbol("."))) {
            // A quoted or schema-qualified name can be any user function.
            return false;
        }
        if (name.type() != TokenType.WORD) {
            return false;
        }
        if (before > 0 && (tokens.get(before - 1).isSymbol("::") || tokens.get(before - 1).is("as"))) {
            // A type modifier such as numeric(10, 2) in a cast.
            return true;
        }
        return FUNCTIONS.contains(name.value()) || KEYWORDS_BEFORE_PAREN.contains(name.value());
    }
}
