-- pg: 16
-- rows: users=2000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- @migration
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID;
CREATE TABLE teams (id bigint PRIMARY KEY, slug text);
CREATE UNIQUE INDEX teams_slug_key ON teams (slug);
