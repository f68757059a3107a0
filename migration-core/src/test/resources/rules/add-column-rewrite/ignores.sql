-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY);
-- @migration
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE countries ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE TABLE audit (id bigint PRIMARY KEY);
ALTER TABLE audit ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
