-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
-- expect: syntax-error
CREATE TABLE broken (id int,, name text);
-- expect: syntax-error
ALTER TABLE users ADD COLUMN;
