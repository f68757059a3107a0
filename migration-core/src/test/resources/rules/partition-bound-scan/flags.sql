-- pg: 16
-- rows: events_2023=3000000, events_default=500000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2023 (id bigint, created_at date NOT NULL);
CREATE TABLE "Events 2022" (id bigint, created_at date NOT NULL);
CREATE TABLE logs (id bigint, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE logs_default PARTITION OF logs DEFAULT;
-- @migration
-- expect: partition-bound-scan
ALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
-- expect: partition-bound-scan
ALTER TABLE events ATTACH PARTITION "Events 2022" FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
-- expect: partition-bound-scan
CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
