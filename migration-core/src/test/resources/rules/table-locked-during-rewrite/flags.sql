-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(20));
CREATE INDEX orders_code_idx ON orders (code);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: table-locked-during-rewrite
ALTER TABLE orders ALTER COLUMN id TYPE bigint;
-- expect: table-locked-during-rewrite
ALTER TABLE crm."Contacts" ADD COLUMN "Token" uuid DEFAULT gen_random_uuid();
-- expect: table-locked-during-rewrite
CLUSTER orders USING orders_code_idx;
