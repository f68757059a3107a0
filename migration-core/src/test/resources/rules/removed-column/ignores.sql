-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
ALTER TABLE users ADD COLUMN scratch text;
ALTER TABLE users DROP COLUMN scratch;
ALTER TABLE users DROP COLUMN IF EXISTS never_existed;
CREATE TABLE staging (id bigint PRIMARY KEY, tmp text);
ALTER TABLE staging DROP COLUMN tmp;
