-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, note text);
-- @migration
ALTER TABLE orders SET (fillfactor = 90);
ALTER TABLE orders ALTER COLUMN note SET STATISTICS 500;
COMMENT ON TABLE orders IS 'grant select later';
