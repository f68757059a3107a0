package dev.migrationagent.plan;

import java.util.ArrayList;
import java.util.List;

/** The SQL scripts of a step as they are written and run: header comment, timeouts, statements. */
final class StepScript {
    private static final int WIDTH = 100;

    private StepScript() {}

    /** The statements of the step's forward script, timeouts included, each without its semicolon. */
    static List<String> forward(Step step) {
        return withTimeouts(step.kind(), step.kind().transactional(), step.statements());
    }

    /** The statements of the step's rollback script; empty when there is nothing to undo. */
    static List<String> rollback(Step step) {
        if (step.rollback().isEmpty()) {
            return List.of();
        }
        return withTimeouts(step.kind(), step.rollbackTransactional(), step.rollback());
    }

    // SET LOCAL ends with the script's transaction; a script outside a transaction resets what it set, because
    // Flyway runs the next script on the same connection.
    private static List<String> withTimeouts(StepKind kind, boolean transactional, List<String> statements) {
        List<String> out = new ArrayList<>();
        String set = transactional ? "SET LOCAL " : "SET ";
        out.add(set + "lock_timeout = '" + kind.lockTimeout() + "'");
        out.add(set + "statement_timeout = '" + kind.statementTimeout() + "'");
        out.addAll(statements);
        if (!transactional) {
            out.add("RESET lock_timeout");
            out.add("RESET statement_timeout");
        }
        return out;
    }

    /** The text of a script: a comment header, then each statement terminated by a semicolon. */
    static String text(List<String> header, List<String> statements) {
        StringBuilder b = new StringBuilder();
        for (String h : header) {
            for (String line : wrap(h)) {
                b.append("-- ").append(line).append('\n');
            }
        }
        b.append('\n');
        for (String s : statements) {
            b.append(s.startsWith("--") ? s : s + ";").append('\n');
        }
        return b.toString();
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + word.length() + 1 > WIDTH - 3) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
