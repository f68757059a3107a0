-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- @migration
ALTER TABLE orders ADD COLUMN priority int;
UPDATE orders SET priority = 0;
