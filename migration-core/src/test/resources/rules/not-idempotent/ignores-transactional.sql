-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id integer PRIMARY KEY, c integer);
-- @migration
-- a transactional script rolls back as a whole, so a retry starts from scratch
CREATE INDEX i ON t (c);
