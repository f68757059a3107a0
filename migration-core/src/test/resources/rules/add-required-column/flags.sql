-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: add-required-column
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
-- expect: add-required-column
ALTER TABLE countries ADD COLUMN name text NOT NULL;
-- expect: add-required-column
ALTER TABLE crm."Contacts" ADD COLUMN IF NOT EXISTS "OwnerId" bigint NOT NULL;
