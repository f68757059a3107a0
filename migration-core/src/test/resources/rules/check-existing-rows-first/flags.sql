-- pg: 16
-- rows: users=2000000, countries=250
-- expect: unsafe
-- hazards: blocking-lock
-- warnings: data-check
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text, country char(2));
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, "Name" text);
ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_country_fk FOREIGN KEY (country) REFERENCES countries (iso2) NOT VALID;
-- @migration
-- expect: check-existing-rows-first
CREATE UNIQUE INDEX users_email_key ON users (email);
-- expect: check-existing-rows-first
CREATE UNIQUE INDEX IF NOT EXISTS countries_name_key ON countries ("Name");
-- expect: check-existing-rows-first
ALTER TABLE users VALIDATE CONSTRAINT users_email_present;
-- expect: check-existing-rows-first
ALTER TABLE users VALIDATE CONSTRAINT users_country_fk;
