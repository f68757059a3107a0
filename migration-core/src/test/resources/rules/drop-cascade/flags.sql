-- pg: 16
-- expect: unsafe
-- hazards: data-loss, breaking-change
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE VIEW active_users AS SELECT id FROM users;
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE SCHEMA "Legacy";
-- @migration
-- expect: drop-cascade
DROP TABLE users CASCADE;
-- expect: drop-cascade
DROP TYPE IF EXISTS mood CASCADE;
-- expect: drop-cascade
DROP SCHEMA "Legacy" CASCADE;
