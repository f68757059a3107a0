-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- warnings: lock-timeout
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text, created_at timestamptz);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE "Unknown Size" ("Id" bigint PRIMARY KEY, "V" text);
CREATE INDEX "Unknown_V_idx" ON "Unknown Size" ("V");
CREATE SCHEMA crm;
CREATE TABLE crm.contacts (id bigint PRIMARY KEY, email text);
CREATE INDEX contacts_email_idx ON crm.contacts (email);
-- @migration
-- expect: require-concurrent-drop-index
DROP INDEX orders_status_idx;
-- expect: require-concurrent-drop-index
DROP INDEX IF EXISTS "Unknown_V_idx";
-- expect: require-concurrent-drop-index
DROP INDEX crm.contacts_email_idx;
