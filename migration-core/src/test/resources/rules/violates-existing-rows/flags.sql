-- pg: 16
-- rows: users=2000000
-- expect: unsafe
-- hazards: fails-on-existing-data
-- @schema
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE "Tags" ("Id" bigint PRIMARY KEY, "Slug" text, "Label" text);
INSERT INTO "Tags" ("Id", "Slug", "Label") VALUES (1, 'a', NULL), (2, 'a', 'far too long a label');
-- @migration
-- expect: violates-existing-rows
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
-- expect: violates-existing-rows
CREATE UNIQUE INDEX tags_slug_key ON "Tags" ("Slug");
-- expect: violates-existing-rows
ALTER TABLE "Tags" ALTER COLUMN "Label" SET NOT NULL;
-- expect: violates-existing-rows
ALTER TABLE "Tags" ALTER COLUMN "Label" TYPE varchar(5);
