-- pg: 16
-- rows: orders=50000000, customers=2000000, notes=100
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX orders_customer_id_idx ON orders (customer_id, id);
CREATE TABLE notes (id bigint PRIMARY KEY, customer_id bigint);
-- @migration
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE notes ADD CONSTRAINT notes_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
