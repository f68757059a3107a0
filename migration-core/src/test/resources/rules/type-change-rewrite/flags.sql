-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(100), amount numeric(10,2), ref text);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "Score" int);
-- @migration
-- expect: type-change-rewrite
ALTER TABLE orders ALTER COLUMN id TYPE bigint;
-- expect: type-change-rewrite
ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);
-- expect: type-change-rewrite
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,4);
-- expect: type-change-rewrite
ALTER TABLE orders ALTER COLUMN ref TYPE text USING trim(ref);
-- expect: type-change-rewrite
ALTER TABLE crm."Contacts" ALTER COLUMN "Score" SET DATA TYPE numeric;
