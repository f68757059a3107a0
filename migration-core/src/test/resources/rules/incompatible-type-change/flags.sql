-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: breaking-change, table-rewrite, blocking-lock
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), age bigint, zip text, score numeric(10,2));
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, code text);
CREATE TABLE "Profiles" ("Id" bigint PRIMARY KEY, "Bio" text);
-- @migration
-- expect: incompatible-type-change
ALTER TABLE users ALTER COLUMN email TYPE varchar(50);
-- expect: incompatible-type-change
ALTER TABLE users ALTER COLUMN age TYPE integer;
-- expect: incompatible-type-change
ALTER TABLE users ALTER COLUMN zip TYPE integer USING zip::integer;
-- expect: incompatible-type-change
ALTER TABLE users ALTER COLUMN score TYPE numeric(6,2);
-- expect: incompatible-type-change
ALTER TABLE countries ALTER COLUMN code TYPE varchar(3);
-- expect: incompatible-type-change
ALTER TABLE "Profiles" ALTER COLUMN "Bio" SET DATA TYPE char(200);
