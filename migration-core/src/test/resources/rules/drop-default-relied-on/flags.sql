-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new');
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, active boolean NOT NULL DEFAULT true);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "CreatedAt" timestamptz NOT NULL DEFAULT now());
-- @migration
-- expect: drop-default-relied-on
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
-- expect: drop-default-relied-on
ALTER TABLE countries ALTER active DROP DEFAULT;
-- expect: drop-default-relied-on
ALTER TABLE crm."Contacts" ALTER COLUMN "CreatedAt" DROP DEFAULT;
