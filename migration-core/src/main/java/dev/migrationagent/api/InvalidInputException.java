package dev.migrationagent.api;

import java.nio.file.Path;

/**
 * An input file cannot be used: missing, unreadable or malformed. The message starts with
 * {@code file[:line[:column]]} so it reads like a compiler error.
 */
public final class InvalidInputException extends MigrationAgentException {
    private final Path file;
    private final int line;
    private final int column;

    public InvalidInputException(Path file, int line, int column, String problem, Throwable cause) {
        super(position(file, line, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public InvalidInputException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String position(Path file, int line, int column) {
        String p = String.valueOf(file);
        if (line > 0) {
            p += ":" + line;
            if (column > 0) {
                p += ":" + column;
            }
        }
        return p;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }
}
