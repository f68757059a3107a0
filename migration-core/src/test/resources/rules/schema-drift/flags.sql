-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
-- @target
CREATE TABLE t (id integer PRIMARY KEY, hotfix text);
-- @migration
-- drift is reported once, on the first reviewed statement
-- expect: schema-drift
ALTER TABLE t ADD COLUMN note text;
ALTER TABLE t ADD COLUMN other text;
