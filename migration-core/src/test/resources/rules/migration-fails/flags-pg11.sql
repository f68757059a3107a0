-- pg: 11
-- rows: users=2000000
-- expect: unsafe
-- hazards: migration-error
-- tx: none
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
-- expect: migration-fails
REINDEX TABLE CONCURRENTLY users;
-- expect: migration-fails
ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email)) STORED;
