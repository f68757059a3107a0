-- pg: 13
-- tx: none
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY);
-- @migration
-- expect: traced-migration-error
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
