-- pg: 16
-- rows: orders=5000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, note text DEFAULT '', status text NOT NULL);
-- @migration
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ADD COLUMN priority int NOT NULL DEFAULT 0;
ALTER TABLE orders ALTER COLUMN priority DROP DEFAULT;
CREATE TABLE teams (id bigint PRIMARY KEY, kind text NOT NULL DEFAULT 'x');
ALTER TABLE teams ALTER COLUMN kind DROP DEFAULT;
