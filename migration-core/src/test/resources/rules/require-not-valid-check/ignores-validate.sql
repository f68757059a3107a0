-- pg: 16
-- rows: orders=5000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
-- @migration
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
