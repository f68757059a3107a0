-- pg: 16
-- rows: orders=5000000
-- expect: unsafe
-- hazards: blocking-lock
-- warnings: lock-timeout
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE "Unknown Size" ("Id" bigint PRIMARY KEY, "V" text);
-- @migration
-- expect: require-lock-timeout
ALTER TABLE orders ADD COLUMN note text;
-- expect: require-lock-timeout
ALTER TABLE "Unknown Size" ALTER COLUMN "V" SET DEFAULT 'x';
-- expect: require-lock-timeout
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();
