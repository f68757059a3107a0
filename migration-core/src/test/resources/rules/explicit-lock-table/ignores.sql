-- pg: 16
-- rows: orders=5000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
-- @migration
LOCK TABLE orders IN ACCESS SHARE MODE;
LOCK TABLE orders IN ROW SHARE MODE;
LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;
CREATE TABLE staging (id bigint PRIMARY KEY);
LOCK TABLE staging IN ACCESS EXCLUSIVE MODE;
