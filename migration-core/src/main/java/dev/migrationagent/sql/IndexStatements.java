package dev.migrationagent.sql;

import java.util.List;

/**
 * Rewrites of CREATE INDEX statement text that keep everything the author wrote (columns, method, options,
 * predicate, comments) and change only what is asked, working on tokens so names, strings and comments that look
 * like keywords are left alone.
 */
public final class IndexStatements {
    private IndexStatements() {}

    /**
     * The statement {@code create} (a CREATE INDEX) with CONCURRENTLY and, when it names its index, IF NOT EXISTS,
     * so it can run outside a transaction and be retried.
     */
    public static String concurrent(String create) {
        List<Token> tokens = Lexer.tokenize(create).stream().filter(t -> !t.isComment()).toList();
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).is("index")) {
            i++;
        }
        if (i == tokens.size()) {
            throw new IllegalArgumentException("not a CREATE INDEX: " + create);
        }
        StringBuilder insert = new StringBuilder();
        int at = tokens.get(i).end();
        int j = i + 1;
        if (j < tokens.size() && tokens.get(j).is("concurrently")) {
            at = tokens.get(j).end();
            j++;
        } else {
            insert.append(" CONCURRENTLY");
        }
        boolean hasIfNotExists = j < tokens.size() && tokens.get(j).is("if");
        boolean named = j < tokens.size() && !tokens.get(j).is("on") && (tokens.get(j).type() == TokenType.WORD
                || tokens.get(j).type() == TokenType.QUOTED_IDENT);
        if (!hasIfNotExists && named) {
            insert.append(" IF NOT EXISTS");
        }
        return create.substring(0, at) + insert + create.substring(at);
    }

    /**
     * The CREATE INDEX statement {@code create} with another index name and table, and {@code ON ONLY} when
     * {@code only}: the same columns, method, options and predicate, for another relation.
     */
    public static String retarget(String create, String name, QualifiedName table, boolean only) {
        List<Token> tokens = Lexer.tokenize(create).stream().filter(t -> !t.isComment()).toList();
        int i = 0;
        while (!tokens.get(i).is("index")) {
            i++;
        }
        i++;
        while (tokens.get(i).is("concurrently") || tokens.get(i).is("if") || tokens.get(i).is("not")
                || tokens.get(i).is("exists")) {
            i++;
        }
        Token nameToken = tokens.get(i);
        while (!tokens.get(i).is("on")) {
            i++;
        }
        int tableStart = i + 1;
        if (tokens.get(tableStart).is("only")) {
            tableStart++;
        }
        int tableEnd = tableStart;
        while (tableEnd + 1 < tokens.size() && (tokens.get(tableEnd + 1).isSymbol(".")
                || tokens.get(tableEnd).isSymbol("."))) {
            tableEnd++;
        }
        return create.substring(0, nameToken.start()) + QualifiedName.quote(name) + create.substring(nameToken.end(),
                tokens.get(i).end()) + " " + (only ? "ONLY " : "") + table.toSql()
                + create.substring(tokens.get(tableEnd).end());
    }
}
