-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
CREATE FUNCTION sign_of(x int) RETURNS int LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN x > 0 THEN 1 WHEN x < 0 THEN -1 ELSE 0 END;
END;
