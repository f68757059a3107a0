-- pg: 16
-- rows: users=2000000
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
-- @migration
-- expect: non-transactional-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_id_email_idx ON users (id, email);
-- expect: non-transactional-in-transaction
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
-- expect: non-transactional-in-transaction
VACUUM users;
-- expect: non-transactional-in-transaction
REINDEX INDEX CONCURRENTLY users_pkey;
