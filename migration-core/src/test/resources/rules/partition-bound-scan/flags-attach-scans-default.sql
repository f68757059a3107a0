-- pg: 16
-- rows: events_default=3000000, events_2024=0
-- expect: unsafe
-- hazards: blocking-lock
-- note: ATTACH PARTITION also scans a large DEFAULT partition, even when a CHECK proves the attached table's bound
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE TABLE events_2024 (id bigint, created_at date NOT NULL,
  CONSTRAINT events_2024_bound CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01'));
-- @migration
-- expect: partition-bound-scan
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
