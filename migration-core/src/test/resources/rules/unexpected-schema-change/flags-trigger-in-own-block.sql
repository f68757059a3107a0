-- pg: 16
-- tx: none
-- expect: unsafe
-- hazards: migration-error
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE audit (id integer);
CREATE FUNCTION guard_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'ALTER TABLE audit ADD CONSTRAINT audit_id_' || NEW.id || ' CHECK (id <> ' || NEW.id || ')';
    RETURN NEW;
END
$$;
CREATE TRIGGER t_guard AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION guard_audit();
-- @migration
-- the only statement that can change the schema, not the COMMIT after it
BEGIN;
-- expect: unexpected-schema-change
INSERT INTO t (id) VALUES (1);
COMMIT;
