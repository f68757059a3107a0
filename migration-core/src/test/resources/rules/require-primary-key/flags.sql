-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
-- expect: require-primary-key
CREATE TABLE audit_log (at timestamptz NOT NULL, message text);
