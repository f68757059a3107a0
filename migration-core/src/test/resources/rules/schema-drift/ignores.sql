-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE INDEX t_id_idx ON t (id);
-- @target
CREATE TABLE t (id integer PRIMARY KEY);
CREATE INDEX t_id_idx ON t (id);
-- @migration
ALTER TABLE t ADD COLUMN note text;
