-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE p (id integer, at date) PARTITION BY RANGE (at);
-- @migration
CREATE TABLE t_side (id bigint, note varchar(20), CONSTRAINT t_side_pk PRIMARY KEY (id));
ALTER TABLE t ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE t ADD CONSTRAINT t_name_check CHECK (name <> 'x');
ALTER TABLE t ADD COLUMN side_id bigint REFERENCES t_side (id);
CREATE INDEX ON t_side (note);
CREATE UNIQUE INDEX t_name_idx ON t (name);
CREATE VIEW v AS SELECT id, name FROM t;
CREATE TABLE p2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX p_at_idx ON p (at);
CREATE TABLE copy AS SELECT * FROM t;
INSERT INTO t (id) VALUES (1);
