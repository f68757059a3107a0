-- pg: 16
-- rows: orders=50000000, "Big Table"=20000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, status text);
CREATE TABLE "Big Table" ("Id" bigint PRIMARY KEY, "Value" text);
CREATE TABLE unknown_size (id bigint PRIMARY KEY, v text);
-- @migration
-- expect: require-concurrent-index
CREATE INDEX orders_created_at_idx ON orders (created_at);
-- expect: require-concurrent-index
CREATE UNIQUE INDEX IF NOT EXISTS big_value_idx ON "Big Table" ("Value");
-- expect: require-concurrent-index
create index on unknown_size (v) where v is not null;
