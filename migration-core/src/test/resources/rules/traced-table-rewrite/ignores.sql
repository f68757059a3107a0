-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id integer PRIMARY KEY, code varchar(10), note varchar(20));
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, pop integer);
-- @migration
ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
ALTER TABLE countries ALTER COLUMN pop TYPE bigint;
CREATE TABLE teams (id integer PRIMARY KEY);
ALTER TABLE teams ALTER COLUMN id TYPE bigint;
TRUNCATE countries;
