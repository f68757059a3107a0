-- Reporting wants a numeric status and faster date-range queries.
ALTER TABLE orders ADD COLUMN status_code integer NOT NULL;

CREATE INDEX orders_placed_at_idx ON orders (placed_at);
