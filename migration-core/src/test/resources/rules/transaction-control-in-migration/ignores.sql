-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
SAVEPOINT before_note;
ALTER TABLE users ADD COLUMN note text;
RELEASE SAVEPOINT before_note;
DO $$ BEGIN RAISE NOTICE 'begin; commit;'; END $$;
