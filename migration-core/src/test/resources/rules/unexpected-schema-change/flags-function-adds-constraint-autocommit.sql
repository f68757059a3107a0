-- pg: 16
-- tx: none
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY, c integer);
CREATE FUNCTION guard() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE t ADD CONSTRAINT t_c_positive CHECK (c > 0);
END
$$;
-- @migration
-- each statement commits on its own; the schema is read between them all the same
CREATE INDEX CONCURRENTLY IF NOT EXISTS t_c_idx ON t (c);
-- expect: unexpected-schema-change
SELECT guard();
ALTER TABLE t ADD COLUMN IF NOT EXISTS note text;
