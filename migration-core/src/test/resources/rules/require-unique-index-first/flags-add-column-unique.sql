-- pg: 16
-- rows: users=2000000
-- expect: unsafe
-- hazards: blocking-lock
-- note: ADD COLUMN ... UNIQUE builds a unique index under ACCESS EXCLUSIVE on a large table, like ADD CONSTRAINT UNIQUE
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
-- expect: require-unique-index-first
ALTER TABLE users ADD COLUMN external_id text UNIQUE;
