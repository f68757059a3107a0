-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
CREATE TYPE status AS ENUM ('draft', 'live');
ALTER TYPE status RENAME VALUE 'live' TO 'published';
