CREATE TABLE order_items (
    order_id         bigint  NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          integer NOT NULL,
    sku              text    NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_cents bigint  NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_items_sku_idx ON order_items (sku);
