-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id integer PRIMARY KEY, email text);
INSERT INTO users VALUES (1, 'a@example.com'), (2, 'b@example.com');
-- @migration
CREATE UNIQUE INDEX users_email_key ON users (email);
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
