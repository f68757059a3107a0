-- pg: 10
-- rows: orders=5000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
-- @migration
-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD COLUMN note2 text DEFAULT NULL;
