-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: data-loss, breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_flag boolean);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, old_name text);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "Fax" text);
-- @migration
-- expect: removed-column
ALTER TABLE users DROP COLUMN legacy_flag;
-- expect: removed-column
ALTER TABLE countries DROP COLUMN IF EXISTS old_name;
-- expect: removed-column
ALTER TABLE crm."Contacts" DROP COLUMN "Fax" CASCADE;
