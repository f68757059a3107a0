-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE teams (id bigint PRIMARY KEY, slug text);
ALTER TABLE teams ADD CONSTRAINT teams_slug_present CHECK (slug IS NOT NULL) NOT VALID;
ALTER TABLE teams VALIDATE CONSTRAINT teams_slug_present;
