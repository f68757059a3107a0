-- pg: 16
-- rows: orders=5000000, "Audit"=300000
-- expect: unsafe
-- hazards: blocking-lock, data-loss
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE "Audit" ("Id" bigint PRIMARY KEY);
CREATE TABLE unknown_size (id bigint PRIMARY KEY, v text);
-- @migration
-- expect: batch-large-updates
UPDATE orders SET status = 'new';
-- expect: batch-large-updates
DELETE FROM "Audit";
ALTER TABLE unknown_size ADD COLUMN v2 text;
-- expect: batch-large-updates
UPDATE unknown_size SET v2 = v WHERE v2 IS NULL;
