-- pg: 16
-- expect: unsafe
-- hazards: migration-error, transaction-hazard
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE people (id bigint PRIMARY KEY, m mood);
-- @migration
ALTER TYPE mood ADD VALUE 'happy';
-- expect: enum-value-used-before-commit
UPDATE people SET m = 'happy' WHERE m = 'ok';
-- expect: enum-value-used-before-commit
INSERT INTO people (id, m) VALUES (1, 'happy');
