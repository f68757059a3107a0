-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n integer);
CREATE TABLE b (x int, y int, PRIMARY KEY (x, y));
CREATE TABLE c (code text PRIMARY KEY);
