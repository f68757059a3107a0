-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id bigint PRIMARY KEY, m mood);
-- @migration
ALTER TYPE mood ADD VALUE 'happy';
UPDATE people SET m = 'sad' WHERE m = 'ok';
INSERT INTO people (id, m) VALUES (1, 'ok');
