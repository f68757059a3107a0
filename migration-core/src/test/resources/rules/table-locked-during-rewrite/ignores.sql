-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(20), note varchar(10));
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, pop integer);
CREATE MATERIALIZED VIEW order_codes AS SELECT code FROM orders;
CREATE UNIQUE INDEX order_codes_idx ON order_codes (code);
-- @migration
ALTER TABLE orders ALTER COLUMN code TYPE text;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';
ALTER TABLE countries ALTER COLUMN pop TYPE bigint;
REFRESH MATERIALIZED VIEW CONCURRENTLY order_codes;
CREATE TABLE teams (id integer PRIMARY KEY);
ALTER TABLE teams ALTER COLUMN id TYPE bigint;
