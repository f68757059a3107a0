-- pg: 16
-- rows: orders=50000000, customers=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX ON orders (customer_id);
-- @migration
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
