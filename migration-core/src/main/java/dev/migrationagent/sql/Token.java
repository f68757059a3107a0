package dev.migrationagent.sql;

/**
 * One token with its place in the source.
 *
 * @param type lexical class
 * @param value normalized value (lower-cased word, unquoted identifier, string contents, or the raw text)
 * @param start offset of the first character
 * @param end offset after the last character
 * @param line 1-based line of the first character
 * @param column 1-based column of the first character
 */
public record Token(TokenType type, String value, int start, int end, int line, int column) {

    /** True for a word token equal to {@code keyword} (lower-case). */
    public boolean is(String keyword) {
        return type == TokenType.WORD && value.equals(keyword);
    }

    /** True for a symbol token equal to {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && value.equals(symbol);
    }

    /** True for comments, which the parser skips. */
    public boolean isComment() {
        return type == TokenType.LINE_COMMENT || type == TokenType.BLOCK_COMMENT;
    }

    /** True for a word, a quoted identifier, or an unreplaced Flyway placeholder standing where a name goes. */
    public boolean isIdentifier() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENT || type == TokenType.PLACEHOLDER;
    }
}
