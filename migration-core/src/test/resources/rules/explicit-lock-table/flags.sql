-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE SCHEMA crm;
CREATE TABLE crm."Accounts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: explicit-lock-table
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;
-- expect: explicit-lock-table
LOCK countries;
-- expect: explicit-lock-table
LOCK TABLE crm."Accounts" IN SHARE ROW EXCLUSIVE MODE;
-- expect: explicit-lock-table
LOCK TABLE orders IN SHARE MODE;
