-- pg: 16
-- rows: events_default=3000000
-- expect: unsafe
-- hazards: blocking-lock
-- note: the default partition link survives renames of the parent and of the default partition
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_def PARTITION OF events DEFAULT;
ALTER TABLE events_def RENAME TO events_default;
ALTER TABLE events RENAME TO app_events;
-- @migration
-- expect: partition-bound-scan
CREATE TABLE events_2024 PARTITION OF app_events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
