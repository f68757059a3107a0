-- pg: 16
-- tx: none
-- expect: unsafe
-- hazards: fails-on-existing-data
-- @schema
CREATE TABLE users (id integer PRIMARY KEY, email text);
INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');
-- @migration
-- expect: traced-fails-on-existing-data
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
