-- pg: 16
-- rows: orders=5000000, users=100000
-- expect: unsafe
-- hazards: blocking-lock
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
CREATE SCHEMA crm;
CREATE TABLE crm."Notes" ("Id" bigint PRIMARY KEY, "UserId" bigint);
-- @migration
-- expect: require-not-valid-foreign-key
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
-- expect: require-not-valid-foreign-key
ALTER TABLE crm."Notes" ADD FOREIGN KEY ("UserId") REFERENCES users;
