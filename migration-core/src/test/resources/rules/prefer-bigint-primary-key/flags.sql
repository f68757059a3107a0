-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE t (id bigint PRIMARY KEY);
-- @migration
-- expect: prefer-bigint-primary-key
CREATE TABLE a (id serial PRIMARY KEY, v text);
-- expect: prefer-bigint-primary-key
CREATE TABLE "B" ("Id" integer, CONSTRAINT b_pkey PRIMARY KEY ("Id"));
