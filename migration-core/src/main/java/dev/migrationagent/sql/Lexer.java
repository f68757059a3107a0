package dev.migrationagent.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL lexer. It never throws: unterminated constructs become one {@link TokenType#ERROR} token that runs
 * to the end of the input, so every problem keeps a position.
 */
public final class Lexer {
    private final String src;
    private final int length;
    private int pos;
    private int line = 1;
    private int lineStart;
    // Each step adds at most one token; tokens are handed out one at a time so large scripts stream.
    private final ArrayDeque<Token> out = new ArrayDeque<>(2);

    /** A lexer positioned at the start of {@code sql}. */
    public Lexer(String sql) {
        this.src = sql;
        this.length = sql.length();
    }

    /** Splits {@code sql} into tokens, comments included. */
    public static List<Token> tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        List<Token> all = new ArrayList<>();
        for (Token t = lexer.next(); t != null; t = lexer.next()) {
            all.add(t);
        }
        return all;
    }

    /** The next token, or {@code null} at the end of the input. */
    public Token next() {
        while (out.isEmpty() && pos < length) {
            step();
        }
        return out.pollFirst();
    }

    private void step() {
        char c = src.charAt(pos);
        if (c == '\n') {
            newline(pos);
            pos++;
        } else if (Character.isWhitespace(c)) {
            pos++;
        } else if (c == '-' && peek(1) == '-') {
            lineComment();
        } else if (c == '/' && peek(1) == '*') {
            blockComment();
        } else if (c == '\'') {
            quoted(pos, pos, '\'', TokenType.STRING, false);
        } else if (c == '"') {
            quoted(pos, pos, '"', TokenType.QUOTED_IDENT, false);
        } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            quoted(pos, pos + 1, '\'', TokenType.STRING, true);
        } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && peek(1) == '\'') {
            quoted(pos, pos + 1, '\'', TokenType.STRING, false);
        } else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char q = peek(2);
            quoted(pos, pos + 2, q, q == '"' ? TokenType.QUOTED_IDENT : TokenType.STRING, false);
        } else if (c == '$' && peek(1) == '{') {
            placeholder();
        } else if (c == '$' && Character.isDigit(peek(1))) {
            mark();
            int s = pos;
            pos++;
            while (pos < length && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
            add(TokenType.PARAMETER, src.substring(s, pos), s);
        } else if (c == '$' && dollarTag() > 0) {
            dollarString();
        } else if (isIdentStart(c)) {
            word();
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            number();
        } else {
            symbol(c);
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < length ? src.charAt(i) : '\0';
    }

    private void newline(int at) {
        line++;
        lineStart = at + 1;
    }

    private void add(TokenType type, String value, int start) {
        out.add(new Token(type, value, start, pos, lineAt, start - lineStartAt + 1));
    }

    // The start line/column are captured before a multi-line token advances line counters.
    private int lineAt;
    private int lineStartAt;

    private void mark() {
        lineAt = line;
        lineStartAt = lineStart;
    }

    private void lineComment() {
        mark();
        int s = pos;
        while (pos < length && src.charAt(pos) != '\n') {
            pos++;
        }
        add(TokenType.LINE_COMMENT, src.substring(s, pos), s);
    }

    private void blockComment() {
        mark();
        int s = pos;
        int depth = 0;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    add(TokenType.BLOCK_COMMENT, src.substring(s, pos), s);
                    return;
                }
            } else {
                if (c == '\n') {
                    newline(pos);
                }
                pos++;
            }
        }
        add(TokenType.ERROR, "unterminated /* comment", s);
    }

    /** Reads a quoted token whose quote character is at {@code quoteAt}; doubled quotes escape. */
    private void quoted(int s, int quoteAt, char q, TokenType type, boolean backslashEscapes) {
        mark();
        pos = quoteAt + 1;
        StringBuilder value = new StringBuilder();
        while (pos < length) {
            char c = src.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < length) {
                value.append(src.charAt(pos + 1));
                if (src.charAt(pos + 1) == '\n') {
                    newline(pos + 1);
                }
                pos += 2;
            } else if (c == q) {
                if (peek(1) == q) {
                    value.append(q);
                    pos += 2;
                } else {
                    pos++;
                    add(type, value.toString(), s);
                    return;
                }
            } else {
                if (c == '\n') {
                    newline(pos);
                }
                value.append(c);
                pos++;
            }
        }
        add(TokenType.ERROR, type == TokenType.STRING ? "unterminated string constant"
                : "unterminated quoted identifier", s);
    }

    private void placeholder() {
        mark();
        int s = pos;
        int close = src.indexOf('}', pos);
        int nl = src.indexOf('\n', pos);
        if (close < 0 || (nl >= 0 && nl < close)) {
            pos = nl < 0 ? length : nl;
            add(TokenType.ERROR, "unterminated ${placeholder}", s);
            return;
        }
        pos = close + 1;
        add(TokenType.PLACEHOLDER, src.substring(s + 2, close), s);
    }

    /** Length of a dollar-quote tag ({@code $$} or {@code $tag$}) at pos, or 0 when there is none. */
    private int dollarTag() {
        int i = pos + 1;
        while (i < length) {
            char c = src.charAt(i);
            if (c == '$') {
                return i - pos + 1;
            }
            boolean ok = i == pos + 1 ? isIdentStart(c) : isIdentPart(c);
            if (!ok) {
                return 0;
            }
            i++;
        }
        return 0;
    }

    private void dollarString() {
        mark();
        int s = pos;
        String tag = src.substring(pos, pos + dollarTag());
        int bodyStart = pos + tag.length();
        int close = src.indexOf(tag, bodyStart);
        int stop = close < 0 ? length : close;
        for (int i = bodyStart; i < stop; i++) {
            if (src.charAt(i) == '\n') {
                newline(i);
            }
        }
        if (close < 0) {
            pos = length;
            add(TokenType.ERROR, "unterminated dollar-quoted string " + tag, s);
            return;
        }
        pos = close + tag.length();
        add(TokenType.STRING, src.substring(bodyStart, close), s);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || Character.isDigit(c) || c == '$';
    }

    private void word() {
        mark();
        int s = pos;
        while (pos < length && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        add(TokenType.WORD, src.substring(s, pos).toLowerCase(Locale.ROOT), s);
    }

    private void number() {
        mark();
        int s = pos;
        while (pos < length) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                pos++;
            } else if ((c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')) {
                pos++;
            } else {
                break;
            }
        }
        add(TokenType.NUMBER, src.substring(s, pos), s);
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private boolean hasSpecialOperatorChar(int from, int to) {
        for (int i = from; i < to; i++) {
            if ("~!@#%^&|`?".indexOf(src.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void symbol(char c) {
        mark();
        int s = pos;
        if (c == ':' && peek(1) == ':') {
            pos += 2;
        } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
            // Multi-character operators such as <= or ->> form one token, but never swallow a comment start.
            pos++;
            while (pos < length && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0
                    && !(src.charAt(pos) == '-' && peek(1) == '-')
                    && !(src.charAt(pos) == '/' && peek(1) == '*')) {
                pos++;
            }
            // PostgreSQL's rule: a multi-character operator ends in + or - only if it contains one of ~!@#%^&|`?,
            // so "=-1" is "=" followed by "-1".
            while (pos - s > 1 && (src.charAt(pos - 1) == '+' || src.charAt(pos - 1) == '-')
                    && !hasSpecialOperatorChar(s, pos)) {
                pos--;
            }
        } else {
            pos++;
        }
        add(TokenType.SYMBOL, src.substring(s, pos), s);
    }
}
