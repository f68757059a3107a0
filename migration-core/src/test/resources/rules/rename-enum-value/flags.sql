-- pg: 16
-- expect: unsafe
-- hazards: breaking-change
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE SCHEMA crm;
CREATE TYPE crm."Stage" AS ENUM ('Lead', 'Won');
-- @migration
-- expect: rename-enum-value
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
-- expect: rename-enum-value
ALTER TYPE crm."Stage" RENAME VALUE 'Lead' TO 'Prospect';
