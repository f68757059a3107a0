-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, "Select" text);
-- @migration
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."Select" := 'a;b';
  RETURN NEW;
END;
$$;
/* a block comment; with a semicolon */
DO $body$ BEGIN PERFORM 1; END $body$;
ALTER TABLE users ADD COLUMN "Where" text DEFAULT 'it''s';
