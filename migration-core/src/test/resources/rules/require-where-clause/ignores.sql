-- pg: 16
-- rows: orders=5000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- @migration
UPDATE orders SET status = 'new' WHERE status IS NULL AND id < 1000;
DELETE FROM orders WHERE id = 42;
CREATE TABLE staging (id bigint PRIMARY KEY, v text);
UPDATE staging SET v = 'x';
DELETE FROM staging;
