-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN nickname text;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text NOT NULL;
