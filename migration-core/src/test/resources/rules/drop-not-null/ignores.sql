-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- @migration
ALTER TABLE users ALTER COLUMN email SET DEFAULT '';
CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);
ALTER TABLE teams ALTER COLUMN name DROP NOT NULL;
