-- pg: 11
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- @migration
-- expect: require-concurrent-reindex
REINDEX TABLE orders;
