-- pg: 16
-- rows: users=2000000
-- expect: unsafe
-- hazards: transaction-hazard
-- tx: none
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);
CREATE INDEX users_legacy_idx ON users (legacy);
-- @migration
-- expect: prefer-robust-statements
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
-- expect: prefer-robust-statements
CREATE TABLE teams (id bigint PRIMARY KEY);
-- expect: prefer-robust-statements
DROP INDEX CONCURRENTLY users_legacy_idx;
-- expect: prefer-robust-statements
ALTER TABLE users ADD COLUMN nickname text;
-- expect: prefer-robust-statements
ALTER TABLE users DROP COLUMN legacy;
