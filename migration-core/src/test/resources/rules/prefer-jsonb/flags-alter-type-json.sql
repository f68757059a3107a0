-- pg: 16
-- rows: events=2000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- note: changing a column to json also creates a json column without an equality operator
-- @schema
CREATE TABLE events (id bigint PRIMARY KEY, meta text);
-- @migration
-- expect: prefer-jsonb
ALTER TABLE events ALTER COLUMN meta TYPE json USING meta::json;
