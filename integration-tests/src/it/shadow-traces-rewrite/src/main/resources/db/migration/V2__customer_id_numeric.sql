-- numeric is not binary-compatible with bigint: PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE
ALTER TABLE orders ALTER COLUMN customer_id TYPE numeric(20, 0);
