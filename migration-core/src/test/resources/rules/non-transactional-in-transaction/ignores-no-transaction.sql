-- pg: 11
-- rows: users=2000000
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
VACUUM users;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy';
