-- pg: 16
-- rows: orders=50000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE FUNCTION next_ref() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION fixed_ref() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$;
-- @migration
-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN ref text DEFAULT next_ref();
ALTER TABLE orders ADD COLUMN ref2 text DEFAULT fixed_ref();
