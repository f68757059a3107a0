-- pg: 16
-- rows: events=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE events (id bigint PRIMARY KEY);
CREATE SCHEMA crm;
-- @migration
-- expect: prefer-jsonb
CREATE TABLE webhooks (id bigint PRIMARY KEY, payload json NOT NULL);
-- expect: prefer-jsonb
ALTER TABLE events ADD COLUMN meta json;
-- expect: prefer-jsonb
CREATE TABLE crm."Notes" ("Id" bigint PRIMARY KEY, "Body" JSON);
