-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE metrics (id bigint, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE metrics DETACH PARTITION metrics_2024;
