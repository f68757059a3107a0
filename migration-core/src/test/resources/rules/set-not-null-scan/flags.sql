-- pg: 16
-- rows: users=2000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY, "Email" text);
-- @migration
-- expect: set-not-null-scan
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
-- expect: set-not-null-scan
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
-- expect: set-not-null-scan
ALTER TABLE IF EXISTS crm."Contacts" ALTER COLUMN "Email" SET NOT NULL;
