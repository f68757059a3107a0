-- pg: 16
-- tx: none
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
-- @migration
REINDEX (CONCURRENTLY) TABLE orders;
