-- pg: 16
-- rows: orders=5000000, countries=250
-- expect: unsafe
-- hazards: data-loss, blocking-lock
-- @schema
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE countries (iso2 char(2) PRIMARY KEY, region text);
CREATE SCHEMA crm;
CREATE TABLE crm."Contacts" ("Id" bigint PRIMARY KEY);
-- @migration
-- expect: require-where-clause
UPDATE orders SET status = 'new';
-- expect: require-where-clause
DELETE FROM countries;
-- expect: require-where-clause
DELETE FROM crm."Contacts";
