-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
-- @migration
CREATE TABLE a (id bigint PRIMARY KEY);
CREATE TABLE b (x int, y int, CONSTRAINT b_pkey PRIMARY KEY (x, y));
CREATE TEMPORARY TABLE scratch (v int);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE copy_of_a AS SELECT * FROM a;
