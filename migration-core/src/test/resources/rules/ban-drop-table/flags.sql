-- pg: 16
-- rows: sessions=2000000, countries=250
-- expect: unsafe
-- hazards: data-loss, breaking-change
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE SCHEMA archive;
CREATE TABLE archive."Audit Log" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: ban-drop-table
DROP TABLE sessions;
-- expect: ban-drop-table
DROP TABLE IF EXISTS countries;
-- expect: ban-drop-table
DROP TABLE archive."Audit Log";
-- expect: ban-drop-table
DROP SCHEMA archive CASCADE;
