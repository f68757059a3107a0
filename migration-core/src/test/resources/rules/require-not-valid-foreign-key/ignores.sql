-- pg: 16
-- rows: orders=5000000, users=100000, countries=250
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, owner_id bigint);
-- @migration
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE countries ADD CONSTRAINT countries_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id);
CREATE TABLE teams (id bigint PRIMARY KEY, owner_id bigint REFERENCES users (id));
ALTER TABLE teams ADD CONSTRAINT teams_owner_fk2 FOREIGN KEY (owner_id) REFERENCES users (id);
