-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
CREATE TABLE customer_subscription_billing_period_adjustments_history_v2 (id bigint);
ALTER TABLE t ADD COLUMN "größenänderung" text;
