-- pg: 16
-- rows: users=2000000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint NOT NULL, email text);
CREATE UNIQUE INDEX users_email_idx ON users (email);
CREATE UNIQUE INDEX users_id_idx ON users (id);
CREATE TABLE countries (iso2 char(2), name text);
-- @migration
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;
ALTER TABLE countries ADD PRIMARY KEY (iso2);
ALTER TABLE countries ADD CONSTRAINT countries_name_key UNIQUE (name);
CREATE TABLE teams (id bigint, slug text);
ALTER TABLE teams ADD PRIMARY KEY (id);
