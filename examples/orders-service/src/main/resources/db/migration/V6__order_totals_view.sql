CREATE VIEW customer_order_totals AS
SELECT o.customer_id,
       count(*)           AS orders,
       sum(o.total_cents) AS total_cents
FROM orders o
WHERE o.status <> 'cancelled'
GROUP BY o.customer_id;
