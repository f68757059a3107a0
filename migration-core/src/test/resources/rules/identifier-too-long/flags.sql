-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
-- expect: identifier-too-long
CREATE TABLE customer_subscription_billing_period_adjustments_history_archive_v2 (id bigint);
-- expect: identifier-too-long
ALTER TABLE t ADD COLUMN "größenänderungsbenachrichtigungsempfängeradressenverzeichnis" text;
