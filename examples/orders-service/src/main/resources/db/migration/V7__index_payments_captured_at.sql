-- Alone in its script so that Flyway runs it outside a transaction, as CONCURRENTLY requires.
CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_captured_at_idx ON payments (captured_at);
