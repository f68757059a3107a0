-- pg: 16
-- rows: payments=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE payments (id integer PRIMARY KEY, amount numeric(10,2), fee numeric(10,2), paid_on date, ratio real);
-- @migration
ALTER TABLE payments ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE payments ALTER COLUMN fee TYPE numeric;
ALTER TABLE payments ALTER COLUMN id TYPE bigint;
ALTER TABLE payments ALTER COLUMN ratio TYPE double precision;
ALTER TABLE payments ALTER COLUMN paid_on TYPE timestamptz;
