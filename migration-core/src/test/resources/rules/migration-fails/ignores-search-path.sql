-- pg: 16
-- expect: safe
-- hazards:
-- note: after SET search_path unqualified names resolve to app, so their absence from public proves nothing
-- @schema
CREATE SCHEMA app;
CREATE TABLE app.orders (id bigint PRIMARY KEY);
-- @migration
SET search_path = app;
ALTER TABLE orders ADD COLUMN note text;
