-- pg: 16
-- tx: none
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id integer PRIMARY KEY, c integer);
-- @migration
CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (c);
ALTER TABLE t ADD COLUMN IF NOT EXISTS d integer;
