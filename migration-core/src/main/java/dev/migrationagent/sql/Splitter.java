package dev.migrationagent.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons. Strings, dollar-quoted bodies and comments are single
 * tokens already, so only SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) need special care.
 */
public final class Splitter {
    private Splitter() {}

    /** The statements of a script, plus the comments of its header (before the first statement and a blank line). */
    public record Result(List<RawStatement> statements, List<Token> headerComments) {
        public Result {
            statements = List.copyOf(statements);
            headerComments = List.copyOf(headerComments);
        }
    }

    /** Splits {@code sql}. */
    public static Result split(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        List<RawStatement> statements = new ArrayList<>();
        List<Token> header = new ArrayList<>();
        List<Token> pendingComments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean atomicBody = false;
        int lastEndLine = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isComment()) {
                if (current.isEmpty() && !statements.isEmpty() && t.line() == lastEndLine) {
                    // "...; -- migration:ignore x -- why" on the statement's own line belongs to that statement.
                    RawStatement prev = statements.remove(statements.size() - 1);
                    List<Token> comments = new ArrayList<>(prev.comments());
                    comments.add(t);
                    statements.add(new RawStatement(prev.tokens(), comments, prev.span(), prev.text()));
                } else if (current.isEmpty()) {
                    pendingComments.add(t);
                } else {
                    // Comments inside a statement may also carry a suppression.
                    pendingComments.add(t);
                }
                continue;
            }
            if (t.isSymbol(";") && !atomicBody) {
                if (!current.isEmpty()) {
                    statements.add(build(sql, current, pendingComments, statements.isEmpty(), header));
                    lastEndLine = t.line();
                    current = new ArrayList<>();
                    pendingComments = new ArrayList<>();
                }
                continue;
            }
            if (!current.isEmpty() && t.is("atomic") && current.get(current.size() - 1).is("begin")
                    && startsFunction(current)) {
                atomicBody = true;
            } else if (atomicBody && t.is("end") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(";")) {
                atomicBody = false;
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            statements.add(build(sql, current, pendingComments, statements.isEmpty(), header));
        } else if (statements.isEmpty()) {
            header.addAll(pendingComments);
        }
        return new Result(statements, header);
    }

    private static boolean startsFunction(List<Token> tokens) {
        for (int i = 0; i < Math.min(tokens.size(), 5); i++) {
            if (tokens.get(i).is("function") || tokens.get(i).is("procedure")) {
                return true;
            }
        }
        return false;
    }

    private static RawStatement build(String sql, List<Token> tokens, List<Token> comments, boolean first,
            List<Token> header) {
        Token a = tokens.get(0);
        Token z = tokens.get(tokens.size() - 1);
        List<Token> own = comments;
        if (first && !comments.isEmpty()) {
            // Header comments are those separated from the first statement by a blank line.
            int split = comments.size();
            int nextLine = a.line();
            for (int i = comments.size() - 1; i >= 0; i--) {
                Token c = comments.get(i);
                int cEnd = c.line() + countNewlines(sql, c.start(), c.end());
                if (nextLine - cEnd > 1) {
                    break;
                }
                split = i;
                nextLine = c.line();
            }
            header.addAll(comments.subList(0, split));
            own = comments.subList(split, comments.size());
        }
        int endLine = z.line() + countNewlines(sql, z.start(), z.end());
        Span span = new Span(a.line(), a.column(), endLine, a.start(), z.end());
        return new RawStatement(tokens, own, span, sql.substring(a.start(), z.end()));
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
