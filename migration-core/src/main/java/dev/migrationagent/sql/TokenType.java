package dev.migrationagent.sql;

/** Lexical classes of PostgreSQL SQL. */
public enum TokenType {
    /** Unquoted identifier or keyword; {@link Token#value()} is lower-cased. */
    WORD,
    /** {@code "Quoted"} identifier; the value has the quotes removed and {@code ""} unescaped. */
    QUOTED_IDENT,
    /** String constant: standard, {@code E''}, {@code U&''}, {@code B''}, {@code X''}, or dollar-quoted. */
    STRING,
    NUMBER,
    /** Punctuation and operators: {@code ( ) , ; . [ ] :: = < > + - * / ...}. */
    SYMBOL,
    /** Positional parameter {@code $1}. */
    PARAMETER,
    /** A Flyway placeholder {@code ${name}} that was not replaced. */
    PLACEHOLDER,
    /** {@code -- ...} up to the end of the line. */
    LINE_COMMENT,
    /** {@code /* ... *\/}, possibly nested. */
    BLOCK_COMMENT,
    /** Input the lexer could not finish, such as an unterminated string; {@link Token#value()} says why. */
    ERROR
}
