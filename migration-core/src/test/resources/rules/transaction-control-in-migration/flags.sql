-- pg: 16
-- expect: unsafe
-- hazards: transaction-hazard
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
-- expect: transaction-control-in-migration
BEGIN;
ALTER TABLE users ADD COLUMN note text;
-- expect: transaction-control-in-migration
COMMIT;
-- expect: transaction-control-in-migration
START TRANSACTION;
ALTER TABLE users ADD COLUMN note2 text;
-- expect: transaction-control-in-migration
ROLLBACK;
