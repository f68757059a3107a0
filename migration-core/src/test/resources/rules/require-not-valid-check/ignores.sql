-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, pop bigint);
-- @migration
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE countries ADD CONSTRAINT countries_pop_positive CHECK (pop >= 0);
CREATE TABLE teams (id bigint PRIMARY KEY, size int);
ALTER TABLE teams ADD CONSTRAINT teams_size_positive CHECK (size > 0);
