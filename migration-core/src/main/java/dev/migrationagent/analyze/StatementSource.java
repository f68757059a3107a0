package dev.migrationagent.analyze;

import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.postgres.PostgresParser;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The statements of one script, in order. Large scripts are parsed on a second thread while the analysis consumes
 * them, so parsing overlaps with the rules on a multi-core machine and the script never sits in memory as tokens.
 */
final class StatementSource implements Iterator<ParsedStatement>, AutoCloseable {
    private static final int THREADED_CHARS = 256 * 1024;
    // Statements travel in batches: one hand-off per statement costs more than parsing a short one.
    private static final int BATCH = 512;
    private static final Object END = new Object();

    private final ArrayDeque<ParsedStatement> inline;
    private final BlockingQueue<Object> queue;
    private volatile List<Token> header;
    private Thread producer;
    private Object next;
    private ArrayDeque<ParsedStatement> batch = new ArrayDeque<>();
    private List<ParsedStatement> filling = new java.util.ArrayList<>(BATCH);

    private StatementSource(String sql) {
        if (sql.length() < THREADED_CHARS) {
            inline = new ArrayDeque<>();
            queue = null;
            PostgresParser.parse(sql, h -> header = h, inline::add);
            return;
        }
        inline = null;
        queue = new ArrayBlockingQueue<>(64);
        producer = new Thread(() -> {
            try {
                PostgresParser.parse(sql, h -> {
                    header = h;
                    put(h);
                }, this::add);
                put(filling);
                put(END);
            } catch (Stopped stopped) {
                // The consumer gave up (an input error); nothing is waiting for the rest.
            } catch (Throwable t) {
                // Make room so the failure always reaches the reader, which would otherwise wait forever.
                queue.clear();
                queue.offer(t);
            }
        }, "migration-agent-parser");
        producer.setDaemon(true);
        producer.start();
        // The header arrives first; wait for it so callers can read file-level suppressions up front.
        Object first = take();
        if (first instanceof Throwable t) {
            throw rethrow(t);
        }
    }

    /** Starts reading {@code sql}. */
    static StatementSource of(String sql) {
        return new StatementSource(sql);
    }

    /** Comments before the first statement, separated from it by a blank line. */
    List<Token> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (inline != null) {
            return !inline.isEmpty();
        }
        while (batch.isEmpty() && next != END) {
            if (next instanceof Throwable t) {
                throw rethrow(t);
            }
            next = take();
            if (next instanceof Throwable t) {
                throw rethrow(t);
            }
            if (next instanceof List<?> list) {
                list.forEach(x -> batch.add((ParsedStatement) x));
            }
        }
        return !batch.isEmpty();
    }

    @Override
    public ParsedStatement next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return inline != null ? inline.poll() : batch.poll();
    }

    private void add(ParsedStatement s) {
        filling.add(s);
        if (filling.size() == BATCH) {
            put(filling);
            filling = new java.util.ArrayList<>(BATCH);
        }
    }

    /** Stops the parser thread when the analysis ends early. */
    @Override
    public void close() {
        if (producer != null) {
            producer.interrupt();
            queue.clear();
        }
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** Unwinds the parser thread after {@link #close()}. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading statements", e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
