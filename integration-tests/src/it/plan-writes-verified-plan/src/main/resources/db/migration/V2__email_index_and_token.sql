-- both lock a 50M-row table: the index build blocks writes, the volatile default rewrites the table
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();
