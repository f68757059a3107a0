-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, name text);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "EMail" text);
-- @migration
-- expect: renaming-column
ALTER TABLE users RENAME COLUMN email TO email_address;
-- expect: renaming-column
ALTER TABLE countries RENAME name TO display_name;
-- expect: renaming-column
ALTER TABLE IF EXISTS crm."Contacts" RENAME COLUMN "EMail" TO "Email";
