-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
-- @migration
ALTER TABLE countries ADD COLUMN note text;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN note text;
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
