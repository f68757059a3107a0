-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);
CREATE INDEX users_legacy_idx ON users (legacy);
-- @migration
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
CREATE TABLE IF NOT EXISTS teams (id bigint PRIMARY KEY);
DROP INDEX CONCURRENTLY IF EXISTS users_legacy_idx;
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
ALTER TABLE users DROP COLUMN IF EXISTS legacy;
