-- pg: 11
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
-- @migration
-- expect: non-transactional-in-transaction
ALTER TYPE mood ADD VALUE 'happy';
