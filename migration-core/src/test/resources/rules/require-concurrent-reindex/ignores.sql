-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
-- @migration
REINDEX INDEX CONCURRENTLY orders_status_idx;
REINDEX TABLE CONCURRENTLY orders;
REINDEX TABLE countries;
