-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
CREATE INDEX countries_region_idx ON countries (region);
-- @migration
DROP INDEX countries_region_idx;
DROP INDEX IF EXISTS never_existed_idx;
CREATE TABLE teams (id bigint PRIMARY KEY, slug text);
CREATE INDEX teams_slug_idx ON teams (slug);
DROP INDEX teams_slug_idx;
