-- pg: 15
-- expect: safe
-- @schema
CREATE TABLE customers (id integer PRIMARY KEY);
INSERT INTO customers VALUES (1);
CREATE TABLE orders (id integer PRIMARY KEY, qty integer, customer_id integer, sku text);
INSERT INTO orders VALUES (1, 1, 1, 'a'), (2, 2, NULL, 'b'), (3, 3, 1, NULL);
CREATE TABLE backfilled (id integer PRIMARY KEY, v integer);
INSERT INTO backfilled VALUES (1, NULL);
-- @migration
-- Clean data: no NULL qty, unique sku (NULLs never collide), no orphan, no CHECK violator.
ALTER TABLE orders ALTER COLUMN qty SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_sku UNIQUE (sku);
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD CHECK (id > 0);
-- A violation an earlier statement of the migration removes is not one.
UPDATE backfilled SET v = 0 WHERE v IS NULL;
ALTER TABLE backfilled ALTER COLUMN v SET NOT NULL;
