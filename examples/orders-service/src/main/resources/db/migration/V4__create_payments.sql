CREATE TABLE payments (
    id          bigserial   PRIMARY KEY,
    order_id    bigint      NOT NULL REFERENCES orders (id),
    provider    text        NOT NULL,
    amount      integer     NOT NULL,
    captured_at timestamptz
);

CREATE INDEX payments_order_id_idx ON payments (order_id);
