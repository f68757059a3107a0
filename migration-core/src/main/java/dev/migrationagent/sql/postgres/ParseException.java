package dev.migrationagent.sql.postgres;

import dev.migrationagent.sql.Token;

/** A positioned syntax error inside the parser; it never escapes {@link PostgresParser}. */
final class ParseException extends RuntimeException {
    private final int line;
    private final int column;

    ParseException(String message, Token at) {
        this(message, at, false);
    }

    ParseException(String message, Token at, boolean afterToken) {
        super(message, null, false, false);
        if (at == null) {
            line = 1;
            column = 1;
        } else {
            line = at.line();
            column = afterToken ? at.column() + (at.end() - at.start()) : at.column();
        }
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
