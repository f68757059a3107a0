-- pg: 16
-- rows: docs=1000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE docs (id bigint PRIMARY KEY, body json, published date, n int);
-- @migration
ALTER TABLE docs ALTER COLUMN body TYPE jsonb;
ALTER TABLE docs ALTER COLUMN published TYPE timestamptz;
ALTER TABLE docs ALTER COLUMN n TYPE bigint;
