-- pg: 15
-- tx: none
-- expect: unsafe
-- hazards: fails-on-existing-data
-- @schema
CREATE TABLE customers (id integer PRIMARY KEY);
INSERT INTO customers VALUES (1);
CREATE TABLE "Order Items" (id integer PRIMARY KEY, "Qty" integer, customer_id integer, sku text);
INSERT INTO "Order Items" VALUES (1, NULL, 1, 'a'), (2, 0, 7, 'a'), (3, 2, NULL, 'b');
-- @migration
-- expect: target-rows-violate
ALTER TABLE "Order Items" ALTER COLUMN "Qty" SET NOT NULL;
-- expect: target-rows-violate
CREATE UNIQUE INDEX CONCURRENTLY order_items_sku ON "Order Items" (sku);
-- expect: target-rows-violate
ALTER TABLE "Order Items" ADD FOREIGN KEY (customer_id) REFERENCES customers;
ALTER TABLE "Order Items" ADD CONSTRAINT qty_positive CHECK ("Qty" > 0) NOT VALID;
-- expect: target-rows-violate
ALTER TABLE "Order Items" VALIDATE CONSTRAINT qty_positive;
