-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, note text);
-- @migration
SAVEPOINT s1;
UPDATE users SET note = 'x' WHERE id = 1;
ROLLBACK TO SAVEPOINT s1;
PREPARE find_user (bigint) AS SELECT * FROM users WHERE id = $1;
