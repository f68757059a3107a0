-- pg: 16
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION t_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CREATE TABLE IF NOT EXISTS t_side (id integer);
    RETURN NEW;
END
$$;
CREATE TRIGGER t_keep AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION t_keep();
-- @migration
-- the tracer saw the table appear during the insert
-- expect: unexpected-schema-change
INSERT INTO t (id) VALUES (1);
ALTER TABLE t ADD COLUMN note text;
