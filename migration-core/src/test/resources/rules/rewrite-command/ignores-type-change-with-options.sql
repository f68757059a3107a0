-- pg: 16
-- rows: events=80000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- note: the type change rewrites (type-change-rewrite reports it), not the storage option
-- @schema
CREATE TABLE events (id bigint PRIMARY KEY, kind int NOT NULL);
-- @migration
ALTER TABLE events ALTER COLUMN kind TYPE bigint, SET (fillfactor = 70);
