-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- warnings: data-check
-- tx: none
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
-- expect: check-existing-rows-first
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
