-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
-- @migration
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;
ALTER TABLE IF EXISTS accounts ADD COLUMN note text;
DROP TABLE IF EXISTS accounts;
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
CREATE TABLE teams (id bigint PRIMARY KEY, owner_id bigint REFERENCES users (id));
