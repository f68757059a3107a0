-- pg: 16
-- rows: events=80000000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE events (id bigint PRIMARY KEY, kind int NOT NULL);
-- @migration
-- expect: rewrite-command
ALTER TABLE events SET (fillfactor = 70), SET TABLESPACE archive_disk;
