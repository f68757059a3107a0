-- pg: 11
-- rows: users=2000000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL);
-- @migration
-- expect: set-not-null-scan
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
