-- pg: 16
-- rows: orders=50000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE DOMAIN money_cents AS bigint;
CREATE TABLE orders (id bigint PRIMARY KEY, total money_cents NOT NULL);
-- @migration
-- expect: domain-constraint-scan
ALTER DOMAIN money_cents ADD CONSTRAINT non_negative CHECK (VALUE >= 0);
