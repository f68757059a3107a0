-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION add_audit() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE t ADD COLUMN created_at timestamptz;
END
$$;
-- @migration
-- the column appeared during the call, not during the statements after it, which the shadow read in between
-- expect: unexpected-schema-change
SELECT add_audit();
ALTER TABLE t ADD COLUMN note text;
CREATE INDEX t_note_idx ON t (note);
