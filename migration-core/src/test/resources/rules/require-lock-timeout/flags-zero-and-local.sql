-- pg: 16
-- tx: none
-- rows: orders=50000000
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
-- @migration
SET lock_timeout = '0s';
-- expect: require-lock-timeout
ALTER TABLE orders ADD COLUMN a text;
SET LOCAL lock_timeout = '3s';
-- expect: require-lock-timeout
ALTER TABLE orders ADD COLUMN b text;
SET lock_timeout TO DEFAULT;
-- expect: require-lock-timeout
ALTER TABLE orders ADD COLUMN c text;
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN d text;
RESET lock_timeout;
-- expect: require-lock-timeout
ALTER TABLE orders ADD COLUMN e text;
