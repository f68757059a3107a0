-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE users ADD COLUMN nickname text;
DROP TABLE teams;
