-- pg: 16
-- expect: safe
-- hazards:
-- @schema
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SCHEMA crm;
CREATE TYPE crm."Stage" AS ENUM ('Lead', 'Won');
-- @migration
-- expect: enum-value-position
ALTER TYPE mood ADD VALUE 'meh';
-- expect: enum-value-position
ALTER TYPE crm."Stage" ADD VALUE IF NOT EXISTS 'Lost';
