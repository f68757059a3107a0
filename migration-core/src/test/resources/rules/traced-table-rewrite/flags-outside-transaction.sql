-- pg: 12
-- tx: none
-- expect: unsafe
-- hazards: table-rewrite, blocking-lock
-- @schema
CREATE TABLE audit (id bigint PRIMARY KEY, body text);
-- @migration
-- expect: traced-table-rewrite
VACUUM FULL audit;
-- expect: traced-table-rewrite
CLUSTER audit USING audit_pkey;
