-- pg: 16
-- rows: orders=50000000, tiny=10
-- expect: safe
-- hazards:
-- @schema
CREATE DOMAIN money_cents AS bigint;
CREATE DOMAIN small_cents AS bigint;
CREATE TABLE orders (id bigint PRIMARY KEY, total money_cents NOT NULL);
CREATE TABLE tiny (id bigint PRIMARY KEY, v small_cents);
-- @migration
ALTER DOMAIN money_cents ADD CONSTRAINT non_negative CHECK (VALUE >= 0) NOT VALID;
ALTER DOMAIN small_cents ADD CONSTRAINT non_negative CHECK (VALUE >= 0);
ALTER DOMAIN money_cents SET DEFAULT 0;
