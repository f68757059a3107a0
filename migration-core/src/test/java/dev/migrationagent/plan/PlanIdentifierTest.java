package dev.migrationagent.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.schema.TableStats;
import dev.migrationagent.script.MigrationScript;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.postgres.PostgresParser;
import dev.migrationagent.trace.Tracer;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plans for names that need quoting (mixed case, reserved words, embedded quotes, spaces, unicode) in a schema that
 * is not on the search path: every plan must run on a real PostgreSQL, round-trip and keep the schema qualification.
 */
class PlanIdentifierTest {
    private static final int PG = 16;
    private static final String SCHEMA = """
            CREATE SCHEMA "Sales Dept";
            CREATE TABLE "Sales Dept"."Customers" ("Key" bigint PRIMARY KEY);
            INSERT INTO "Sales Dept"."Customers" SELECT g FROM generate_series(1, 50) g;
            CREATE TABLE "Sales Dept"."Order Items" (
                "ID" bigint PRIMARY KEY,
                "select" text,
                "we""ird" integer NOT NULL,
                "ünïcødé" text DEFAULT 'ü',
                "Amount" integer NOT NULL DEFAULT 0
            );
            INSERT INTO "Sales Dept"."Order Items" SELECT g, 'x' || g, g, 'ü', g FROM generate_series(1, 50) g;
            CREATE INDEX "Idx ""Amount""\" ON "Sales Dept"."Order Items" ("Amount");
            """;
    private static EmbeddedShadowProvider shadow;

    @BeforeAll
    static void shadow() {
        shadow = EmbeddedShadowProvider.shared();
        assumeTrue(shadow.available(PG), "embedded PostgreSQL cannot start here; skipped");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "create index | CREATE INDEX \"Idx \"\"Select\"\"\" ON \"Sales Dept\".\"Order Items\" (\"select\") "
                + "| CREATE INDEX CONCURRENTLY IF NOT EXISTS \"Idx \"\"Select\"\"\" ON \"Sales Dept\".\"Order Items\"",
        "unquoted mixed case folds | CREATE INDEX MyIdx ON \"Sales Dept\".\"Order Items\" (\"we\"\"ird\") "
                + "| to_regclass('\"Sales Dept\".myidx')",
        "volatile default | ALTER TABLE \"Sales Dept\".\"Order Items\" ADD COLUMN \"Token\" uuid "
                + "DEFAULT gen_random_uuid() | UPDATE \"Sales Dept\".\"Order Items\" SET \"Token\" = gen_random_uuid()",
        "rename unicode column | ALTER TABLE \"Sales Dept\".\"Order Items\" RENAME COLUMN \"ünïcødé\" TO \"Ñame\" "
                + "| NEW.\"Ñame\" := NEW.\"ünïcødé\"",
        "type change | ALTER TABLE \"Sales Dept\".\"Order Items\" ALTER COLUMN \"Amount\" TYPE bigint "
                + "| CREATE FUNCTION \"Sales Dept\".\"Order Items_Amount_sync\"()",
        "unique constraint | ALTER TABLE \"Sales Dept\".\"Order Items\" ADD CONSTRAINT \"Uniq \"\"W\"\"\" "
                + "UNIQUE (\"we\"\"ird\") | USING INDEX \"Uniq \"\"W\"\"\"",
        "set not null on reserved word | ALTER TABLE \"Sales Dept\".\"Order Items\" ALTER COLUMN \"select\" "
                + "SET NOT NULL | CHECK (\"select\" IS NOT NULL) NOT VALID",
        "foreign key | ALTER TABLE \"Sales Dept\".\"Order Items\" ADD CONSTRAINT \"FK to Customers\" FOREIGN KEY "
                + "(\"we\"\"ird\") REFERENCES \"Sales Dept\".\"Customers\" (\"Key\") "
                + "| VALIDATE CONSTRAINT \"FK to Customers\"",
        "drop column | ALTER TABLE \"Sales Dept\".\"Order Items\" DROP COLUMN \"ünïcødé\" "
                + "| CREATE TABLE \"Sales Dept\".\"Order Items_ünïcødé_backup\"",
        "rename table | ALTER TABLE \"Sales Dept\".\"Order Items\" RENAME TO \"Line Items\" "
                + "| CREATE VIEW \"Sales Dept\".\"Order Items\" AS SELECT * FROM \"Sales Dept\".\"Line Items\"",
        "serial column | ALTER TABLE \"Sales Dept\".\"Order Items\" ADD COLUMN \"Serial No\" bigserial "
                + "| nextval('\"Sales Dept\".\"Order Items_Serial No_seq\"')",
        "drop index | DROP INDEX \"Sales Dept\".\"Idx \"\"Amount\"\"\" "
                + "| DROP INDEX CONCURRENTLY IF EXISTS \"Sales Dept\".\"Idx \"\"Amount\"\"\"",
        "update without where | UPDATE \"Sales Dept\".\"Order Items\" SET \"select\" = upper(\"select\") "
                + "| ORDER BY \"ID\" LIMIT 1000",
    })
    void planRunsRoundTripsAndQuotesEveryName(String name, String migration, String expectedSql) throws Exception {
        try (ShadowDatabase db = shadow.create(PG); Connection c = db.connect()) {
            new Tracer().replay(c, PostgresParser.parse(SCHEMA).statements().stream().map(ParsedStatement::text)
                    .toList());
            MigrationScript script = new MigrationScript(null, "V2__change.sql", null, "change", migration, true);
            MigrationScript schema = new MigrationScript(null, "V1__schema.sql", null, "schema", SCHEMA, true);
            Proof.Outcome o = Proof.run(c, db::connect, script, Planner.Settings.defaults(PG), new Proof.Context(
                    List.of(schema), TableStats.ofRows(Map.of("\"Sales Dept\".\"Order Items\"", 5_000_000L)), 10_000,
                    List.of(), "flyway_schema_history"));
            assertThat(o.problems()).as(name).isEmpty();
            assertThat(o.verified()).isTrue();
            String all = String.join("\n", o.plan().steps().stream()
                    .flatMap(s -> java.util.stream.Stream.concat(s.statements().stream(), s.rollback().stream()))
                    .toList());
            assertThat(all).contains(expectedSql);
        }
    }
}
