-- pg: 16
-- expect: unsafe
-- hazards: breaking-change
-- note: every row level security switch changes which rows queries see, NO FORCE included
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE SCHEMA crm;
CREATE TABLE crm."Accounts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: permission-change
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
-- expect: permission-change
ALTER TABLE crm."Accounts" FORCE ROW LEVEL SECURITY;
-- expect: permission-change
ALTER TABLE orders DISABLE ROW LEVEL SECURITY;
-- expect: permission-change
ALTER TABLE crm."Accounts" NO FORCE ROW LEVEL SECURITY;
