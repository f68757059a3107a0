-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- @migration
CREATE INDEX orders_status_idx ON orders (status);
UPDATE orders SET status = 'x' WHERE id = 1;
