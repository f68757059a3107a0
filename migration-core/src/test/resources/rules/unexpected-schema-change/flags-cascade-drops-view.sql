-- pg: 16
-- expect: unsafe
-- hazards: migration-error, data-loss
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW v1 AS SELECT id FROM t;
CREATE VIEW v2 AS SELECT id FROM v1;
-- @migration
-- the view on the view goes too, which the statement does not show
-- expect: unexpected-schema-change
DROP TABLE t CASCADE;
