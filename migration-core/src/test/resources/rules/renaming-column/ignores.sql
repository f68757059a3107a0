-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
ALTER TABLE users ADD COLUMN nick text;
ALTER TABLE users RENAME COLUMN nick TO nickname;
CREATE TABLE teams (id bigint PRIMARY KEY, nm text);
ALTER TABLE teams RENAME COLUMN nm TO name;
ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;
