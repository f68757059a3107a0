-- pg: 16
-- rows: users=2000000, bookings=300000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE users (id bigint NOT NULL, email text);
CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);
CREATE TABLE "Legacy Keys" ("Code" text);
CREATE UNIQUE INDEX legacy_code_idx ON "Legacy Keys" ("Code");
-- @migration
-- expect: require-unique-index-first
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
-- expect: require-unique-index-first
ALTER TABLE users ADD PRIMARY KEY (id);
-- expect: require-unique-index-first
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
-- expect: require-unique-index-first
ALTER TABLE "Legacy Keys" ADD CONSTRAINT legacy_pk PRIMARY KEY USING INDEX legacy_code_idx;
