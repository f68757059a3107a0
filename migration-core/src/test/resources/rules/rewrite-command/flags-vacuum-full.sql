-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- @migration
-- expect: rewrite-command
VACUUM FULL orders;
VACUUM (ANALYZE) orders;
