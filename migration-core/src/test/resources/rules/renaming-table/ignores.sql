-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
-- @migration
CREATE TABLE staging (id bigint PRIMARY KEY);
ALTER TABLE staging RENAME TO teams;
ALTER INDEX users_email_idx RENAME TO users_email_lookup;
ALTER TABLE users RENAME COLUMN email TO email_address;
