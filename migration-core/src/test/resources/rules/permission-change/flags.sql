-- pg: 16
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE SCHEMA crm;
CREATE TABLE crm."Accounts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: permission-change
GRANT SELECT ON orders TO reporting;
-- expect: permission-change
REVOKE ALL ON crm."Accounts" FROM PUBLIC;
-- expect: permission-change
GRANT USAGE ON SCHEMA crm TO reporting;
