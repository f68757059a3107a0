-- pg: 16
-- rows: orders=50000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
-- @migration
CREATE INDEX countries_region_idx ON countries (region);
CREATE TABLE api_keys (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
CREATE INDEX orders_created_at_idx ON ONLY orders (created_at);
