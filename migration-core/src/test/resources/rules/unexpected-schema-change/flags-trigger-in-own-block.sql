-- pg: 16
-- tx: none
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE side (id integer);
CREATE FUNCTION widen_side() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE side ADD COLUMN IF NOT EXISTS seen_at timestamptz;
    RETURN NEW;
END
$$;
CREATE TRIGGER t_widen AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION widen_side();
-- @migration
-- the only statement that can change the schema, not the COMMIT after it
BEGIN;
-- expect: unexpected-schema-change
INSERT INTO t (id) VALUES (1);
COMMIT;
