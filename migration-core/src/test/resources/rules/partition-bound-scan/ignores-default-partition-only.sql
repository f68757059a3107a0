-- pg: 16
-- rows: events_2023=3000000, events_default=100
-- expect: safe
-- hazards:
-- note: a new partition only scans the DEFAULT partition (small here), not the other partitions
-- @schema
CREATE TABLE events (id bigint, created_at date NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_default PARTITION OF events DEFAULT;
-- @migration
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
