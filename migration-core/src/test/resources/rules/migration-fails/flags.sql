-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
CREATE TABLE "Teams" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: migration-fails
ALTER TABLE accounts ADD COLUMN note text;
-- expect: migration-fails
CREATE TABLE users (id bigint PRIMARY KEY);
-- expect: migration-fails
CREATE INDEX users_email_idx ON users (email);
-- expect: migration-fails
ALTER TABLE users ADD COLUMN email text;
-- expect: migration-fails
ALTER TABLE "Teams" DROP COLUMN "Name";
-- expect: migration-fails
CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);
