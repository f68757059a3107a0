package dev.migrationagent.sql;

/**
 * Where a statement sits in its script.
 *
 * @param line 1-based line of the first token
 * @param column 1-based column of the first token
 * @param endLine 1-based line of the last token
 * @param start offset of the first token
 * @param end offset after the last token
 */
public record Span(int line, int column, int endLine, int start, int end) {}
