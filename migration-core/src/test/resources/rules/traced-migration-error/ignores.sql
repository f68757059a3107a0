-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id integer PRIMARY KEY, email text);
INSERT INTO users VALUES (1, NULL);
-- @migration
ALTER TABLE users ADD COLUMN nickname text;
-- a failure caused by rows is traced-fails-on-existing-data, not this rule
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
