-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
-- @migration
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ecstatic' AFTER 'happy';
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
