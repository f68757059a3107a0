package dev.migrationagent.introspect;

import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.TableStats;

/**
 * What live introspection read from a database: its schema, its table sizes and its server version.
 *
 * @param model the schema as the catalog describes it
 * @param stats row estimates (reltuples) and total bytes of tables and materialized views
 * @param serverMajor the server's major version, such as 16
 */
public record Introspection(SchemaModel model, TableStats stats, int serverMajor) {}
