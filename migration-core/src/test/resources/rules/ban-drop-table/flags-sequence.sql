-- pg: 16
-- expect: unsafe
-- hazards: data-loss
-- @schema
CREATE SEQUENCE invoice_numbers;
-- @migration
-- expect: ban-drop-table
DROP SEQUENCE invoice_numbers;
