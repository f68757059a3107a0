-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE "Unknown Size" ("Id" bigint PRIMARY KEY);
CREATE MATERIALIZED VIEW order_totals AS SELECT status, count(*) AS n FROM orders GROUP BY status;
-- @migration
-- expect: rewrite-command
CLUSTER orders USING orders_status_idx;
-- expect: rewrite-command
REFRESH MATERIALIZED VIEW order_totals;
-- expect: rewrite-command
ALTER TABLE orders SET TABLESPACE fast_ssd;
-- expect: rewrite-command
ALTER TABLE "Unknown Size" SET UNLOGGED;
