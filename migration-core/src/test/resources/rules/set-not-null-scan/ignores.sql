-- pg: 16
-- rows: users=2000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
CREATE TABLE "Contacts" ("Id" bigint PRIMARY KEY, "Email" text, CONSTRAINT contacts_email_nn CHECK ("Email" IS NOT NULL));
-- @migration
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE "Contacts" ALTER COLUMN "Email" SET NOT NULL;
ALTER TABLE countries ALTER COLUMN region SET NOT NULL;
CREATE TABLE teams (id bigint PRIMARY KEY, name text);
ALTER TABLE teams ALTER COLUMN name SET NOT NULL;
