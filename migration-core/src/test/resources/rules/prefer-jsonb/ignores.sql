-- pg: 16
-- rows: events=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE events (id bigint PRIMARY KEY, json_text text);
-- @migration
CREATE TABLE webhooks (id bigint PRIMARY KEY, payload jsonb NOT NULL, json text);
ALTER TABLE events ADD COLUMN meta jsonb;
ALTER TABLE events ADD COLUMN "json" text;
