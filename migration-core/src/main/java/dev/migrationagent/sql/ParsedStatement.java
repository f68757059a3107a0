package dev.migrationagent.sql;

import java.util.List;

/**
 * A parsed statement with its source position, text and attached comments.
 *
 * @param statement the typed statement
 * @param span position in the script
 * @param text source text of the statement
 * @param comments comments leading or trailing the statement
 */
public record ParsedStatement(Statement statement, Span span, String text, List<Token> comments) {
    public ParsedStatement {
        comments = List.copyOf(comments);
    }
}
