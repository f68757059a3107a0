-- pg: 16
-- rows: sessions=2000000, countries=250
-- expect: unsafe
-- hazards: data-loss, breaking-change
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE VIEW active_sessions AS SELECT id FROM sessions;
CREATE SCHEMA reporting;
CREATE MATERIALIZED VIEW reporting."Daily Totals" AS SELECT count(*) AS n FROM sessions;
-- @migration
-- expect: removed-relation
DROP VIEW active_sessions;
-- expect: removed-relation
DROP MATERIALIZED VIEW IF EXISTS reporting."Daily Totals";
-- expect: removed-relation
DROP TABLE IF EXISTS countries;
