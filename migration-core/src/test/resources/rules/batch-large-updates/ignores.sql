-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
-- @migration
UPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 5000;
UPDATE orders SET status = 'new' WHERE status IS NULL;
UPDATE countries SET region = 'EU';
DELETE FROM countries;
CREATE TABLE staging (id bigint PRIMARY KEY, v text);
UPDATE staging SET v = 'x';
