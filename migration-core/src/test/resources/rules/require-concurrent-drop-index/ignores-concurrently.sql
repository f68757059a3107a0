-- pg: 16
-- rows: orders=5000000
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE INDEX orders_status_idx ON orders (status);
-- @migration
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
