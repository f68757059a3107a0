-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
-- @migration
ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
ALTER TYPE mood OWNER TO app;
