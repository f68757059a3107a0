package dev.migrationagent.sql.postgres;

import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A position in one statement's tokens with the small vocabulary a recursive-descent parser needs. */
final class TokenCursor {
    private final List<Token> tokens;
    private final String source;
    private int index;

    TokenCursor(List<Token> tokens, String source) {
        this.tokens = tokens;
        this.source = source;
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = index + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() {
        if (atEnd()) {
            throw error("unexpected end of statement");
        }
        return tokens.get(index++);
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    boolean is(String keyword) {
        Token t = peek();
        return t != null && t.is(keyword);
    }

    boolean isAhead(int ahead, String keyword) {
        Token t = peek(ahead);
        return t != null && t.is(keyword);
    }

    boolean isSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the keywords if they all come next, in order. */
    boolean accept(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!isAhead(i, keywords[i])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            throw error("expected " + keyword.toUpperCase(Locale.ROOT));
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    /** An identifier (word or quoted); keywords are accepted since PostgreSQL allows most as names. */
    String identifier() {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            throw error("expected a name");
        }
        index++;
        return t.type() == TokenType.PLACEHOLDER ? "${" + t.value() + "}" : t.value();
    }

    boolean isIdentifier() {
        Token t = peek();
        return t != null && t.isIdentifier();
    }

    /** {@code name} or {@code schema.name} (a third part, the database, is dropped). */
    QualifiedName qualifiedName() {
        String first = identifier();
        if (isSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
            index++;
            String second = identifier();
            if (isSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
                index++;
                return new QualifiedName(second, identifier());
            }
            return new QualifiedName(first, second);
        }
        return QualifiedName.of(first);
    }

    /** Consumes a balanced parenthesized group starting at the current '(' and returns its inner tokens. */
    List<Token> parenGroup() {
        Token open = peek();
        expectSymbol("(");
        int depth = 1;
        List<Token> inner = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                throw new ParseException("unbalanced parenthesis", open);
            }
            Token t = tokens.get(index++);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
                if (depth == 0) {
                    return inner;
                }
            }
            inner.add(t);
        }
    }

    /** Skips a balanced group if the next token opens one. */
    void skipParens() {
        if (isSymbol("(")) {
            parenGroup();
        }
    }

    /**
     * Consumes tokens up to (not including) a top-level comma, closing parenthesis or any of the stop keywords,
     * and returns them.
     */
    List<Token> until(String... stopKeywords) {
        return until(false, stopKeywords);
    }

    /** Like {@link #until(String...)}, but the first token is always taken (so {@code DEFAULT NULL} reads NULL). */
    List<Token> untilAfterFirst(String... stopKeywords) {
        return until(true, stopKeywords);
    }

    private List<Token> until(boolean takeFirst, String... stopKeywords) {
        List<Token> taken = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && !(takeFirst && taken.isEmpty())) {
                if (t.isSymbol(",") || t.isSymbol(")")) {
                    break;
                }
                if (t.type() == TokenType.WORD && contains(stopKeywords, t.value())) {
                    break;
                }
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
            taken.add(t);
            index++;
        }
        return taken;
    }

    /** Consumes the rest of the statement. */
    List<Token> rest() {
        List<Token> taken = new ArrayList<>(tokens.subList(Math.min(index, tokens.size()), tokens.size()));
        index = tokens.size();
        return taken;
    }

    private static boolean contains(String[] words, String w) {
        for (String s : words) {
            if (s.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** The source text covered by a token run. */
    String text(List<Token> run) {
        if (run.isEmpty()) {
            return "";
        }
        return source.substring(run.get(0).start(), run.get(run.size() - 1).end());
    }

    ParseException error(String message) {
        Token t = peek();
        if (t == null) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            return new ParseException(message, last, true);
        }
        return new ParseException(message + ", found " + describe(t), t);
    }

    static String describe(Token t) {
        return switch (t.type()) {
            case WORD -> t.value().toUpperCase(Locale.ROOT).length() > 30 ? "'" + t.value().substring(0, 30) + "…'"
                    : "'" + t.value().toUpperCase(Locale.ROOT) + "'";
            case STRING -> "a string";
            case QUOTED_IDENT -> "\"" + t.value() + "\"";
            default -> "'" + t.value() + "'";
        };
    }
}
