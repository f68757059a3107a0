-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id integer PRIMARY KEY, email varchar(50), nick varchar(20), score numeric(10,2), seen timestamp);
-- @migration
ALTER TABLE users ALTER COLUMN email TYPE text;
ALTER TABLE users ALTER COLUMN nick TYPE varchar(100);
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN score TYPE numeric(12,2);
ALTER TABLE users ALTER COLUMN seen TYPE timestamptz;
ALTER TABLE users ADD COLUMN zip text;
ALTER TABLE users ALTER COLUMN zip TYPE integer USING zip::integer;
CREATE TABLE teams (id bigint PRIMARY KEY, code text);
ALTER TABLE teams ALTER COLUMN code TYPE varchar(3);
