-- pg: 16
-- rows: orders=5000000, events=2000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(50), note varchar(50));
CREATE TABLE events (id bigint PRIMARY KEY, payload text);
INSERT INTO orders VALUES (1, 'a', repeat('x', 40));
-- @migration
-- expect: traced-table-rewrite
ALTER TABLE orders ALTER COLUMN id TYPE bigint;
-- expect: traced-table-rewrite
ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();
-- the rows make it fail; probed on emptied tables it still rewrites
-- expect: traced-table-rewrite
ALTER TABLE orders ALTER COLUMN note TYPE varchar(20);
