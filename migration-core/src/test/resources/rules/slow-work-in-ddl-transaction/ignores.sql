-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
-- @migration
UPDATE orders SET status = 'x';
ALTER TABLE orders ADD COLUMN priority int;
UPDATE orders SET priority = 0 WHERE id BETWEEN 1 AND 5000;
ALTER TABLE countries ADD COLUMN note text;
UPDATE countries SET note = '';
CREATE INDEX countries_note_idx ON countries (note);
CREATE TABLE staging (id bigint PRIMARY KEY, v text);
UPDATE staging SET v = 'x';
