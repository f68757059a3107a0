-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer);
-- @migration
ALTER TABLE orders ADD COLUMN note text;
-- expect: traced-migration-error
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
-- not run: the transaction already failed
ALTER TABLE orders ADD COLUMN missing_is_fine text;
