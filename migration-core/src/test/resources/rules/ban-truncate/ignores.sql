-- pg: 16
-- rows: sessions=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE import_staging (id bigint PRIMARY KEY, payload text);
TRUNCATE import_staging;
DELETE FROM sessions WHERE id < 100;
