-- pg: 16
-- rows: sessions=2000000, countries=250
-- expect: unsafe
-- hazards: data-loss
-- @schema
CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
CREATE TABLE "Cache Entries" ("Key" text PRIMARY KEY);
-- @migration
-- expect: ban-truncate
TRUNCATE sessions;
-- expect: ban-truncate
TRUNCATE TABLE countries CASCADE;
-- expect: ban-truncate
TRUNCATE ONLY "Cache Entries" RESTART IDENTITY;
