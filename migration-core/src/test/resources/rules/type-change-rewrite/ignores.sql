-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(50), amount numeric(10,2), note varchar(20), ref text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, pop integer);
-- @migration
ALTER TABLE orders ALTER COLUMN code TYPE varchar(100);
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE orders ALTER COLUMN ref TYPE text USING ref;
ALTER TABLE countries ALTER COLUMN pop TYPE bigint;
CREATE TABLE teams (id integer PRIMARY KEY);
ALTER TABLE teams ALTER COLUMN id TYPE bigint;
