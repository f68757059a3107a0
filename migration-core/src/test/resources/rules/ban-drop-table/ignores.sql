-- pg: 16
-- rows: sessions=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE VIEW active_sessions AS SELECT id FROM sessions;
-- @migration
CREATE TABLE staging (id bigint PRIMARY KEY);
DROP TABLE staging;
DROP TABLE IF EXISTS never_existed;
DROP VIEW active_sessions;
DROP INDEX IF EXISTS sessions_unused_idx;
