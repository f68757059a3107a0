-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, name text NOT NULL);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "Email" text NOT NULL);
-- @migration
-- expect: drop-not-null
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
-- expect: drop-not-null
ALTER TABLE countries ALTER name DROP NOT NULL;
-- expect: drop-not-null
ALTER TABLE IF EXISTS crm."Contacts" ALTER COLUMN "Email" DROP NOT NULL;
