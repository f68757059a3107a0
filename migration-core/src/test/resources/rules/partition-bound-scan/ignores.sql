-- pg: 16
-- rows: events_2021=3000000, events_old=500
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2021 (id bigint, created_at date NOT NULL,
  CONSTRAINT events_2021_bound CHECK (created_at >= '2021-01-01' AND created_at < '2022-01-01'));
CREATE TABLE events_old (id bigint, created_at date NOT NULL);
-- @migration
ALTER TABLE events ATTACH PARTITION events_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
ALTER TABLE events ATTACH PARTITION events_old FOR VALUES FROM ('2000-01-01') TO ('2021-01-01');
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 (id bigint, created_at date NOT NULL);
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
