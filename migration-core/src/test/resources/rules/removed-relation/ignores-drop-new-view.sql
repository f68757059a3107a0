-- pg: 16
-- rows: sessions=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
-- @migration
CREATE VIEW tmp_sessions AS SELECT id FROM sessions;
DROP VIEW tmp_sessions;
