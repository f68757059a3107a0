-- pg: 16
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz, status text);
CREATE INDEX orders_status_idx ON orders (status);
-- @migration
CREATE TABLE IF NOT EXISTS api_keys (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX CONCURRENTLY IF NOT EXISTS api_keys_user_id_idx ON api_keys (user_id);
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
REINDEX INDEX CONCURRENTLY orders_pkey;
