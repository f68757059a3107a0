-- pg: 16
-- rows: orders=50000000, countries=250
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
CREATE TABLE "Big Table" ("Id" bigint PRIMARY KEY, "Value" text);
-- @migration
-- expect: concurrent-index-caveats
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
-- expect: concurrent-index-caveats
CREATE UNIQUE INDEX CONCURRENTLY big_value_idx ON "Big Table" ("Value");
-- expect: concurrent-index-caveats
CREATE INDEX CONCURRENTLY countries_region_idx ON countries (region);
