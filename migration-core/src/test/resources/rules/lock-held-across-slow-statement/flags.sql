-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock, transaction-hazard
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE unknown_size (id bigint PRIMARY KEY, v text);
CREATE SCHEMA crm;
CREATE TABLE crm.contacts (id bigint PRIMARY KEY, email text);
-- @migration
ALTER TABLE orders ADD COLUMN priority int;
-- expect: lock-held-across-slow-statement
UPDATE orders SET priority = 0;
-- expect: lock-held-across-slow-statement
CREATE INDEX orders_priority_idx ON orders (priority);
ALTER TABLE crm.contacts ADD COLUMN score int;
-- expect: lock-held-across-slow-statement
UPDATE crm.contacts SET score = 1 WHERE score IS NULL;
LOCK TABLE unknown_size IN ACCESS EXCLUSIVE MODE;
-- expect: lock-held-across-slow-statement
DELETE FROM unknown_size;
