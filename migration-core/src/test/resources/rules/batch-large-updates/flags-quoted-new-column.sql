-- pg: 16
-- rows: "Line Items"=900000
-- expect: unsafe
-- hazards: blocking-lock
-- note: WHERE "Qty" IS NULL on a column just added matches every row; the quoted mixed-case name is folded to qty and not recognised as new
-- @schema
CREATE TABLE "Line Items" ("Id" bigint PRIMARY KEY, "Sku" text);
-- @migration
ALTER TABLE "Line Items" ADD COLUMN "Qty" int;
-- expect: batch-large-updates
UPDATE "Line Items" SET "Qty" = 1 WHERE "Qty" IS NULL;
