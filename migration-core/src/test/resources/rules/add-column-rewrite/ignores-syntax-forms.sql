-- pg: 16
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- note: CAST and EXTRACT are syntax, and abs/date_trunc are non-volatile built-ins: no rewrite on PG 11+
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
-- @migration
ALTER TABLE orders ADD COLUMN u bigint DEFAULT CAST(0 AS bigint);
ALTER TABLE orders ADD COLUMN y int DEFAULT EXTRACT(YEAR FROM CURRENT_DATE);
ALTER TABLE orders ADD COLUMN z int DEFAULT abs(-1);
ALTER TABLE orders ADD COLUMN d timestamptz DEFAULT date_trunc('day', now());
