-- pg: 16
-- rows: orders=5000000, "Events"=200000, billing.invoices=300000
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE "Events" ("Id" bigint PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE unknown_size (id bigint);
-- @migration
-- expect: add-column-rewrite
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- expect: add-column-rewrite
ALTER TABLE "Events" ADD COLUMN "Seq" bigint GENERATED ALWAYS AS IDENTITY;
-- expect: add-column-rewrite
ALTER TABLE billing.invoices ADD COLUMN amount_cents bigint GENERATED ALWAYS AS ((amount * 100)::bigint) STORED;
-- expect: add-column-rewrite
ALTER TABLE unknown_size ADD COLUMN seq bigserial;
-- expect: add-column-rewrite
ALTER TABLE IF EXISTS unknown_size ADD COLUMN IF NOT EXISTS touched_at timestamptz DEFAULT clock_timestamp();
