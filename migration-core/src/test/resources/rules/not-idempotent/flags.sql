-- pg: 16
-- tx: none
-- expect: unsafe
-- hazards: transaction-hazard
-- @schema
CREATE TABLE t (id integer PRIMARY KEY, c integer);
-- @migration
-- a retry after a later failure stops here: relation "i" already exists (42P07)
-- expect: not-idempotent
CREATE INDEX CONCURRENTLY i ON t (c);
