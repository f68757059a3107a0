-- pg: 16
-- rows: sessions=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE staging (id bigint PRIMARY KEY);
DROP TABLE staging;
DROP TABLE IF EXISTS never_existed;
DROP VIEW IF EXISTS never_existed_view;
DROP INDEX IF EXISTS sessions_unused_idx;
