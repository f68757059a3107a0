-- pg: 16
-- expect: safe
-- hazards:
-- tx: none
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id bigint PRIMARY KEY, m mood);
-- @migration
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy';
UPDATE people SET m = 'happy' WHERE m = 'ok';
