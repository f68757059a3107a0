package dev.migrationagent.sql;

import java.util.List;

/**
 * One statement as the splitter found it, before parsing.
 *
 * @param tokens the statement's tokens without comments and without the closing semicolon
 * @param comments comments that lead the statement or trail it on its last line
 * @param span position in the script
 * @param text the statement's source text, from its first to its last token
 */
public record RawStatement(List<Token> tokens, List<Token> comments, Span span, String text) {
    public RawStatement {
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
    }
}
