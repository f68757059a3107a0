-- pg: 16
-- rows: payments=2000000, rates=100
-- expect: unsafe
-- hazards: data-loss, table-rewrite, blocking-lock
-- @schema
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12,4), ratio float8, paid_at timestamptz, seen timestamp(6));
CREATE TABLE rates (id int PRIMARY KEY, "Rate" double precision);
-- @migration
-- expect: lossy-type-change
ALTER TABLE payments ALTER COLUMN amount TYPE numeric(12,2);
-- expect: lossy-type-change
ALTER TABLE payments ALTER COLUMN ratio TYPE integer;
-- expect: lossy-type-change
ALTER TABLE payments ALTER COLUMN paid_at TYPE date;
-- expect: lossy-type-change
ALTER TABLE payments ALTER COLUMN seen TYPE timestamp(0);
-- expect: lossy-type-change
ALTER TABLE rates ALTER COLUMN "Rate" TYPE real;
