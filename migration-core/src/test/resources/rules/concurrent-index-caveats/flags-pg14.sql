-- pg: 14
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);
-- @migration
-- expect: concurrent-index-caveats
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
