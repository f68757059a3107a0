-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
ALTER TYPE mood ADD VALUE 'happy';
ANALYZE users;
