package dev.migrationagent.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a script into statements at top-level semicolons. Strings, dollar-quoted bodies and comments are single
 * tokens already, so only SQL-standard function bodies ({@code BEGIN ATOMIC ... END}) need special care. It streams:
 * each statement is handed on as soon as it is complete, so a large script never holds all its tokens at once.
 */
public final class Splitter {
    /** The statements of a script, plus the comments of its header (before the first statement and a blank line). */
    public record Result(List<RawStatement> statements, List<Token> headerComments) {
        public Result {
            statements = List.copyOf(statements);
            headerComments = List.copyOf(headerComments);
        }
    }

    private final String sql;
    private final Consumer<List<Token>> headerSink;
    private final Consumer<RawStatement> sink;
    private final List<Token> header = new ArrayList<>();
    private List<Token> comments = new ArrayList<>();
    private List<Token> current = new ArrayList<>();
    // The last complete statement is held back until we know whether a comment on its own line follows it.
    private RawStatement held;
    private int heldEndLine = -1;
    private boolean first = true;
    private boolean atomicBody;
    // CASE ... END nests inside an atomic body; only an END outside every CASE closes the body.
    private int caseDepth;

    private Splitter(String sql, Consumer<List<Token>> headerSink, Consumer<RawStatement> sink) {
        this.sql = sql;
        this.headerSink = headerSink;
        this.sink = sink;
    }

    /** Splits {@code sql} into a list. */
    public static Result split(String sql) {
        List<RawStatement> out = new ArrayList<>();
        List<List<Token>> header = new ArrayList<>();
        stream(sql, header::add, out::add);
        return new Result(out, header.get(0));
    }

    /**
     * Hands the header comments to {@code headerSink} (once, before the first statement), then each statement of
     * {@code sql} to {@code sink}, in order.
     */
    public static void stream(String sql, Consumer<List<Token>> headerSink, Consumer<RawStatement> sink) {
        new Splitter(sql, headerSink, sink).run();
    }

    private void run() {
        Lexer lexer = new Lexer(sql);
        Token t = lexer.next();
        while (t != null) {
            Token next = lexer.next();
            accept(t, next);
            t = next;
        }
        if (!current.isEmpty()) {
            complete(-1);
        }
        if (first) {
            header.addAll(comments);
            headerSink.accept(List.copyOf(header));
        }
        release();
    }

    private void accept(Token t, Token next) {
        if (t.isComment()) {
            if (current.isEmpty() && held != null && t.line() == heldEndLine) {
                // "...; -- migration:ignore x -- why" on the statement's own line belongs to that statement.
                List<Token> own = new ArrayList<>(held.comments());
                own.add(t);
                held = new RawStatement(held.tokens(), own, held.span(), held.text());
            } else {
                release();
                comments.add(t);
            }
            return;
        }
        if (current.isEmpty()) {
            release();
        }
        if (t.isSymbol(";") && !atomicBody) {
            if (!current.isEmpty()) {
                complete(t.line());
            }
            return;
        }
        if (!current.isEmpty() && t.is("atomic") && current.get(current.size() - 1).is("begin")
                && startsFunction(current)) {
            atomicBody = true;
            caseDepth = 0;
        } else if (atomicBody && t.is("case")) {
            caseDepth++;
        } else if (atomicBody && t.is("end") && caseDepth > 0) {
            caseDepth--;
        } else if (atomicBody && t.is("end") && next != null && next.isSymbol(";")) {
            atomicBody = false;
        }
        current.add(t);
    }

    private void complete(int semicolonLine) {
        held = build(current, comments);
        heldEndLine = semicolonLine;
        current = new ArrayList<>();
        comments = new ArrayList<>();
    }

    private void release() {
        if (held != null) {
            sink.accept(held);
            held = null;
            heldEndLine = -1;
        }
    }

    private static boolean startsFunction(List<Token> tokens) {
        for (int i = 0; i < Math.min(tokens.size(), 5); i++) {
            if (tokens.get(i).is("function") || tokens.get(i).is("procedure")) {
                return true;
            }
        }
        return false;
    }

    private RawStatement build(List<Token> tokens, List<Token> leading) {
        Token a = tokens.get(0);
        Token z = tokens.get(tokens.size() - 1);
        List<Token> own = leading;
        if (first && !leading.isEmpty()) {
            // Header comments are those separated from the first statement by a blank line.
            int split = leading.size();
            int nextLine = a.line();
            for (int i = leading.size() - 1; i >= 0; i--) {
                Token c = leading.get(i);
                int cEnd = c.line() + countNewlines(c.start(), c.end());
                if (nextLine - cEnd > 1) {
                    break;
                }
                split = i;
                nextLine = c.line();
            }
            header.addAll(leading.subList(0, split));
            own = leading.subList(split, leading.size());
        }
        if (first) {
            headerSink.accept(List.copyOf(header));
            first = false;
        }
        int endLine = z.line() + countNewlines(z.start(), z.end());
        Span span = new Span(a.line(), a.column(), endLine, a.start(), z.end());
        return new RawStatement(tokens, own, span, sql.substring(a.start(), z.end()));
    }

    private int countNewlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
