-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "Age" int);
-- @migration
-- expect: require-not-valid-check
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);
-- expect: require-not-valid-check
ALTER TABLE crm."Contacts" ADD CHECK ("Age" > 0);
