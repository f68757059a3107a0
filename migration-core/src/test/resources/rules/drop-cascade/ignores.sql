-- pg: 16
-- expect: unsafe
-- hazards: data-loss, breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE VIEW active_users AS SELECT id FROM users;
-- @migration
DROP VIEW active_users;
DROP TABLE users RESTRICT;
DROP TABLE IF EXISTS sessions;
