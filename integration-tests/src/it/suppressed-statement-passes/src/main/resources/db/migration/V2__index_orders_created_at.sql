-- migration:ignore require-concurrent-index -- orders is append-only at night; built in maintenance window
CREATE INDEX orders_created_at_idx ON orders (created_at);
