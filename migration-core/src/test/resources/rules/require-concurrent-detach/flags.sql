-- pg: 16
-- rows: events_2020=3000000, logs_2020=100
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE SCHEMA ops;
CREATE TABLE ops."Logs" (id bigint, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE ops.logs_2020 PARTITION OF ops."Logs" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
-- @migration
-- expect: require-concurrent-detach
ALTER TABLE events DETACH PARTITION events_2020;
-- expect: require-concurrent-detach
ALTER TABLE ops."Logs" DETACH PARTITION ops.logs_2020;
