-- pg: 16
-- tx: none
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE TABLE customers (id bigint PRIMARY KEY);
-- @migration
SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN a text, ADD COLUMN b text;
ALTER TABLE orders ADD COLUMN c text;
ALTER TABLE customers ADD COLUMN d text;
