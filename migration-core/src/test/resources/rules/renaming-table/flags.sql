-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE TABLE "Audit Log" ("Id" bigint PRIMARY KEY);
CREATE VIEW active_users AS SELECT id FROM users;
CREATE SCHEMA archive;
CREATE SCHEMA legacy;
-- @migration
-- expect: renaming-table
ALTER TABLE users RENAME TO accounts;
-- expect: renaming-table
ALTER TABLE countries SET SCHEMA archive;
-- expect: renaming-table
ALTER TABLE IF EXISTS "Audit Log" RENAME TO "AuditLog";
-- expect: renaming-table
ALTER VIEW active_users RENAME TO live_users;
-- expect: renaming-table
ALTER SCHEMA legacy RENAME TO legacy_v1;
