package dev.migrationagent.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.Index;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.schema.View;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Introspects a real PostgreSQL database built with one of every object kind the model knows. */
class PostgresIntrospectorTest {
    private static final String DDL = """
            CREATE SCHEMA billing;
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
            CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
            CREATE DOMAIN free_text AS text;
            CREATE TABLE "UserProfiles" (
                "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email varchar(255) NOT NULL UNIQUE,
                "displayName" text,
                status mood NOT NULL DEFAULT 'ok',
                score positive_int,
                created_at timestamptz NOT NULL DEFAULT now(),
                email_lower text GENERATED ALWAYS AS (lower(email)) STORED
            );
            CREATE TABLE billing.invoices (
                id serial PRIMARY KEY,
                user_id bigint NOT NULL,
                amount numeric(12,2) NOT NULL CHECK (amount >= 0),
                tags text[],
                paid boolean DEFAULT false,
                CONSTRAINT invoices_user_fk FOREIGN KEY (user_id) REFERENCES "UserProfiles" ("Id")
            );
            ALTER TABLE billing.invoices ADD CONSTRAINT invoices_amount_cap CHECK (amount < 1000000) NOT VALID;
            ALTER TABLE billing.invoices ADD CONSTRAINT invoices_user_fk2
                FOREIGN KEY (user_id) REFERENCES "UserProfiles" ("Id") NOT VALID;
            CREATE TABLE rooms (room int, during tsrange, EXCLUDE USING gist (during WITH &&));
            CREATE INDEX invoices_unpaid_idx ON billing.invoices (user_id) WHERE NOT paid;
            CREATE UNIQUE INDEX user_email_lower_idx ON "UserProfiles" (lower(email));
            CREATE VIEW billing.user_invoices AS
                SELECT u."Id", u.email, i.amount FROM "UserProfiles" u JOIN billing.invoices i ON i.user_id = u."Id";
            CREATE MATERIALIZED VIEW invoice_totals AS
                SELECT user_id, sum(amount) AS total FROM billing.invoices GROUP BY user_id;
            CREATE TABLE events (id bigint NOT NULL, happened_at date NOT NULL, payload jsonb)
                PARTITION BY RANGE (happened_at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE events_other PARTITION OF events DEFAULT;
            CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
            CREATE FUNCTION billing.now_utc() RETURNS timestamp LANGUAGE sql STABLE
                AS $$SELECT now() AT TIME ZONE 'utc'$$;
            CREATE SEQUENCE billing.invoice_numbers;
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50));
            INSERT INTO "UserProfiles" (email) SELECT 'u' || g || '@x.org' FROM generate_series(1, 500) g;
            INSERT INTO billing.invoices (user_id, amount) SELECT 1 + g % 500, g FROM generate_series(1, 2000) g;
            ANALYZE;
            """;

    private static final QualifiedName USERS = new QualifiedName("public", "UserProfiles");
    private static final QualifiedName INVOICES = new QualifiedName("billing", "invoices");

    private static ScratchDatabase db;
    private static Introspection result;

    @BeforeAll
    static void build() throws SQLException {
        db = ScratchDatabase.create();
        if (!db.available()) {
            return;
        }
        db.execute(DDL);
        try (Connection c = db.connect()) {
            result = new PostgresIntrospector().introspect(c);
        }
    }

    @BeforeEach
    void requireServer() {
        db.assumeAvailable();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readsUserTablesAndSkipsFlywayHistory() {
        assertThat(result.model().tableNames()).containsExactlyInAnyOrder(USERS, INVOICES,
                new QualifiedName("public", "rooms"), new QualifiedName("public", "events"),
                new QualifiedName("public", "events_2024"), new QualifiedName("public", "events_other"));
        assertThat(result.model().schemaExists("billing")).isTrue();
        assertThat(result.model().schemaExists("pg_catalog")).isFalse();
        assertThat(result.model().schemaExists("information_schema")).isFalse();
    }

    @Test
    void columnsHaveCanonicalTypesNullabilityDefaultsIdentityAndGenerated() {
        Table users = result.model().table(USERS);
        assertThat(users.columns()).extracting(Column::name)
                .containsExactly("Id", "email", "displayName", "status", "score", "created_at", "email_lower");
        assertThat(users.columns()).extracting(c -> c.type().name(), c -> c.type().modifiers(), Column::notNull,
                Column::identity, Column::generated).containsExactly(
                        tuple("int8", List.of(), true, true, false),
                        tuple("varchar", List.of(255), true, false, false),
                        tuple("text", List.of(), false, false, false),
                        tuple("mood", List.of(), true, false, false),
                        tuple("positive_int", List.of(), false, false, false),
                        tuple("timestamptz", List.of(), true, false, false),
                        tuple("text", List.of(), false, false, true));
        assertThat(users.column("created_at").defaultExpr().functions()).containsExactly("now");
        assertThat(users.column("status").defaultExpr().text()).isEqualTo("'ok'::mood");
        assertThat(users.column("status").defaultExpr().constant()).isTrue();
        // The generation expression is not a default.
        assertThat(users.column("email_lower").defaultExpr()).isNull();

        Table invoices = result.model().table(INVOICES);
        assertThat(invoices.column("amount").type().name()).isEqualTo("numeric");
        assertThat(invoices.column("amount").type().modifiers()).containsExactly(12, 2);
        assertThat(invoices.column("tags").type().array()).isTrue();
        assertThat(invoices.column("paid").type().name()).isEqualTo("bool");
        assertThat(invoices.column("id").defaultExpr().functions()).containsExactly("nextval");
        assertThat(invoices.column("id").defaultExpr().text()).contains("billing.invoices_id_seq");
    }

    @Test
    void constraintsCarryKindColumnsTargetsAndValidation() {
        Table invoices = result.model().table(INVOICES);
        assertThat(invoices.constraints()).extracting(Constraint::name, Constraint::kind, Constraint::columns,
                Constraint::references, Constraint::validated).containsExactlyInAnyOrder(
                        tuple("invoices_pkey", ConstraintDef.Kind.PRIMARY_KEY, List.of("id"), null, true),
                        tuple("invoices_amount_check", ConstraintDef.Kind.CHECK, List.of("amount"), null, true),
                        tuple("invoices_amount_cap", ConstraintDef.Kind.CHECK, List.of("amount"), null, false),
                        tuple("invoices_user_fk", ConstraintDef.Kind.FOREIGN_KEY, List.of("user_id"), USERS, true),
                        tuple("invoices_user_fk2", ConstraintDef.Kind.FOREIGN_KEY, List.of("user_id"), USERS,
                                false));
        assertThat(invoices.constraint("invoices_amount_cap").expression()).isEqualTo("amount < 1000000::numeric");
        assertThat(invoices.constraint("invoices_amount_check").expression()).isEqualTo("amount >= 0::numeric");

        assertThat(result.model().table(USERS).constraints()).extracting(Constraint::name, Constraint::kind)
                .containsExactlyInAnyOrder(tuple("UserProfiles_pkey", ConstraintDef.Kind.PRIMARY_KEY),
                        tuple("UserProfiles_email_key", ConstraintDef.Kind.UNIQUE));
        assertThat(result.model().table(QualifiedName.of("rooms")).constraints())
                .extracting(Constraint::name, Constraint::kind)
                .containsExactly(tuple("rooms_during_excl", ConstraintDef.Kind.EXCLUDE));
    }

    @Test
    void indexesArePartialExpressionAndConstraintBacked() {
        SchemaModel m = result.model();
        Index partial = m.index(new QualifiedName("billing", "invoices_unpaid_idx"));
        assertThat(partial.table()).isEqualTo(INVOICES);
        assertThat(partial.partial()).isTrue();
        assertThat(partial.valid()).isTrue();
        assertThat(partial.unique()).isFalse();
        assertThat(partial.columns()).containsExactly("user_id");

        Index expression = m.index(QualifiedName.of("user_email_lower_idx"));
        assertThat(expression.unique()).isTrue();
        assertThat(expression.partial()).isFalse();
        assertThat(expression.columns()).containsExactly("lower(email::text)");
        assertThat(expression.backsConstraint()).isNull();

        assertThat(m.indexesOn(USERS)).extracting(i -> i.name().name(), Index::backsConstraint)
                .containsExactlyInAnyOrder(tuple("UserProfiles_pkey", "UserProfiles_pkey"),
                        tuple("UserProfiles_email_key", "UserProfiles_email_key"),
                        tuple("user_email_lower_idx", null));
        assertThat(m.indexesOn(new QualifiedName("public", "flyway_schema_history"))).isEmpty();
    }

    @Test
    void viewsHaveColumnsAndDependencies() {
        View v = result.model().view(new QualifiedName("billing", "user_invoices"));
        assertThat(v.materialized()).isFalse();
        assertThat(v.columns()).containsExactly("Id", "email", "amount");
        assertThat(v.tables()).containsExactlyInAnyOrder(USERS, INVOICES);

        View mv = result.model().view(QualifiedName.of("invoice_totals"));
        assertThat(mv.materialized()).isTrue();
        assertThat(mv.columns()).containsExactly("user_id", "total");
        assertThat(mv.tables()).containsExactly(INVOICES);
        assertThat(result.model().viewsReading(INVOICES)).hasSize(2);
    }

    @Test
    void typesSequencesFunctionsAndPartitions() {
        SchemaModel m = result.model();
        assertThat(m.enumLabels(QualifiedName.of("mood"))).containsExactly("sad", "meh", "ok", "happy");
        assertThat(m.isConstrainedDomain("positive_int")).isTrue();
        assertThat(m.isConstrainedDomain("free_text")).isFalse();
        assertThat(m.typeExists(QualifiedName.of("free_text"))).isTrue();
        assertThat(m.tablesUsingType(QualifiedName.of("mood"))).containsExactly(USERS);
        assertThat(m.sequenceExists(new QualifiedName("billing", "invoice_numbers"))).isTrue();
        assertThat(m.sequenceExists(new QualifiedName("billing", "invoices_id_seq"))).isTrue();
        assertThat(m.functionVolatility("add_one")).isEqualTo("immutable");
        assertThat(m.functionVolatility("now_utc")).isEqualTo("stable");

        QualifiedName events = QualifiedName.of("events");
        assertThat(m.table(events).partitioned()).isTrue();
        assertThat(m.defaultPartitionOf(events)).isNotNull();
        assertThat(m.defaultPartitionOf(events)).isEqualTo(new QualifiedName("public", "events_other"));
        assertThat(m.partitionsOf(events)).extracting(t -> t.name().name())
                .containsExactlyInAnyOrder("events_2024", "events_other");
        assertThat(m.table(QualifiedName.of("events_2024")).columns()).extracting(Column::name)
                .containsExactly("id", "happened_at", "payload");
    }

    @Test
    void statsAndServerVersion() throws SQLException {
        TableStats.Entry users = result.stats().get(USERS);
        assertThat(users.rows()).isEqualTo(500);
        assertThat(users.bytes()).isPositive();
        assertThat(result.stats().get(INVOICES).rows()).isEqualTo(2000);
        assertThat(result.stats().get(new QualifiedName("public", "flyway_schema_history"))).isNull();
        // A partitioned parent has no rows of its own; the analysis sums its partitions.
        assertThat(result.stats().get(QualifiedName.of("events"))).isNull();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(result.serverMajor()).isEqualTo(Integer.parseInt(rs.getString(1)) / 10000).isGreaterThan(9);
        }
    }

    @Test
    void leavesTheSessionReadOnlyWithATimeoutAndRestoresAutoCommit() throws SQLException {
        try (Connection c = db.connect()) {
            new PostgresIntrospector(Duration.ofSeconds(7)).introspect(c);
            assertThat(c.getAutoCommit()).isTrue();
            try (Statement st = c.createStatement()) {
                assertThat(show(st, "default_transaction_read_only")).isEqualTo("on");
                assertThat(show(st, "statement_timeout")).isEqualTo("7s");
                // search_path was changed only for the introspection's own transaction.
                assertThat(show(st, "search_path")).isEqualTo("\"$user\", public");
                assertThatThrownBy(() -> st.execute("CREATE TABLE should_fail (x int)"))
                        .hasMessageContaining("read-only");
            }
        }
    }

    @Test
    void tableJsonHasTheSeedArticleShape() {
        JsonNode json = TableJson.of(result.model(), INVOICES);
        assertThat(json.get("table").asText()).isEqualTo("billing.invoices");
        assertThat(json.get("columns").get(2).get("name").asText()).isEqualTo("amount");
        assertThat(json.get("columns").get(2).get("type").asText()).isEqualTo("numeric(12,2)");
        assertThat(json.get("columns").get(2).get("nullable").asBoolean()).isFalse();
        assertThat(json.get("columns").get(4).get("default").asText()).isEqualTo("false");
        assertThat(json.get("primary_key").toString()).isEqualTo("[\"id\"]");
        assertThat(json.get("foreign_keys")).hasSize(2);
        assertThat(json.get("foreign_keys").get(0).get("references").asText()).isEqualTo("\"UserProfiles\"");
        assertThat(json.get("indexes")).extracting(i -> i.get("name").asText())
                .containsExactly("invoices_pkey", "invoices_unpaid_idx");
        assertThat(TableJson.write(result.model(), INVOICES)).startsWith("{").contains("\"foreign_keys\"");
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
