-- pg: 16
-- expect: unsafe
-- hazards: breaking-change
-- note: the parser keeps at most 3 keywords ("ENABLE ROW LEVEL"), so the rule's contains("ROW LEVEL SECURITY") never matches
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
