-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE "Unknown Size" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: require-concurrent-reindex
REINDEX INDEX orders_status_idx;
-- expect: require-concurrent-reindex
REINDEX TABLE "Unknown Size";
