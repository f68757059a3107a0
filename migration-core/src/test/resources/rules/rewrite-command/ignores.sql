-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE MATERIALIZED VIEW order_totals AS SELECT status, count(*) AS n FROM orders GROUP BY status;
CREATE UNIQUE INDEX order_totals_status_idx ON order_totals (status);
-- @migration
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;
ALTER TABLE orders SET (fillfactor = 90);
CLUSTER countries USING countries_pkey;
ALTER TABLE countries SET LOGGED;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams SET TABLESPACE fast_ssd;
