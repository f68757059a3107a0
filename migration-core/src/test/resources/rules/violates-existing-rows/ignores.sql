-- pg: 16
-- rows: accounts=0
-- expect: safe
-- hazards:
-- @schema
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE "Tags" ("Id" bigint PRIMARY KEY, "Slug" text, "Label" text);
INSERT INTO "Tags" ("Id", "Slug", "Label") VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'b', NULL);
-- @migration
ALTER TABLE accounts ADD COLUMN tenant_id bigint NOT NULL;
CREATE UNIQUE INDEX tags_slug_key ON "Tags" ("Slug") WHERE "Label" IS NOT NULL;
ALTER TABLE "Tags" ALTER COLUMN "Label" TYPE varchar(5);
ALTER TABLE "Tags" ALTER COLUMN "Slug" SET NOT NULL;
ALTER TABLE "Tags" ADD COLUMN "Rank" int NOT NULL DEFAULT 0;
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text NOT NULL;
