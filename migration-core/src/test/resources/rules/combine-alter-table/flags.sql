-- pg: 16
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
-- @migration
SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN a text;
-- expect: combine-alter-table
ALTER TABLE orders ADD COLUMN b text;
