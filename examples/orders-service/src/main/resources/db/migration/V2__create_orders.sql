CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders (
    id          bigserial    PRIMARY KEY,
    customer_id bigint       NOT NULL REFERENCES customers (id),
    status      order_status NOT NULL DEFAULT 'pending',
    total_cents bigint       NOT NULL,
    currency    char(3)      NOT NULL DEFAULT 'EUR',
    placed_at   timestamptz  NOT NULL DEFAULT now()
);

-- The table is new and empty, so a plain CREATE INDEX is fine here.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
