package dev.migrationagent.datacheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.introspect.ScratchDatabase;
import dev.migrationagent.script.MigrationScript;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts violating rows on a scratch database of the local PostgreSQL; skipped when none is reachable. */
class DataCheckerTest {
    // Rows chosen so that every kind of constraint has a known number of violators, in plain and awkward names.
    static final String SCHEMA = """
            CREATE TABLE customers (id integer PRIMARY KEY);
            INSERT INTO customers VALUES (1), (2);
            CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, email text, qty integer,
                status text DEFAULT 'new');
            INSERT INTO orders VALUES (1, 1, 'a@x', 1, 'new'), (2, 1, 'a@x', 0, NULL), (3, 99, 'b@x', -1, NULL),
                (4, NULL, NULL, 5, 'x'), (5, 98, 'a@x', 2, 'y');
            CREATE SCHEMA "Sales Dept";
            CREATE TABLE "Sales Dept"."Order Items" ("Qty" integer DEFAULT 1, "Order" integer, "sku""x" text,
                "Prix€" numeric, "select" integer);
            INSERT INTO "Sales Dept"."Order Items" VALUES (NULL, 1, 'A', 1, 1), (NULL, 77, 'A', -2, 1),
                (3, 2, 'B', 1, 2), (4, NULL, NULL, 1, 2);
            CREATE TABLE clean (id integer PRIMARY KEY, v integer, w text);
            INSERT INTO clean VALUES (1, 1, 'a'), (2, 2, 'b');
            CREATE TABLE backfilled (id integer PRIMARY KEY, v integer);
            INSERT INTO backfilled VALUES (1, NULL);
            """;

    static final String MIGRATION = """
            ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
            ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
            CREATE UNIQUE INDEX orders_email ON orders (email);
            ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers;
            ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
            ALTER TABLE orders VALIDATE CONSTRAINT qty_positive;
            ALTER TABLE "Sales Dept"."Order Items" ALTER COLUMN "Qty" SET NOT NULL;
            ALTER TABLE "Sales Dept"."Order Items" ADD CONSTRAINT "Unique sku" UNIQUE ("sku""x", "select");
            ALTER TABLE "Sales Dept"."Order Items" ADD FOREIGN KEY ("Order") REFERENCES orders (id);
            ALTER TABLE "Sales Dept"."Order Items" ADD CHECK ("Qty" > 0 AND "Prix€" >= 0::numeric(10, 2));
            ALTER TABLE clean ALTER COLUMN v SET NOT NULL, ADD CONSTRAINT clean_w UNIQUE (w),
                ADD CHECK (length(w) = 1);
            ALTER TABLE clean ADD FOREIGN KEY (v) REFERENCES customers (id);
            ALTER TABLE orders ADD COLUMN required integer NOT NULL;
            ALTER TABLE orders ADD CHECK (pg_sleep(1) IS NOT NULL);
            UPDATE backfilled SET v = 0 WHERE v IS NULL;
            ALTER TABLE backfilled ALTER COLUMN v SET NOT NULL;
            """;

    private static ScratchDatabase db;

    @BeforeAll
    static void create() throws SQLException {
        db = ScratchDatabase.create();
        if (db.available()) {
            db.execute(SCHEMA);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @BeforeEach
    void assumeServer() {
        db.assumeAvailable();
    }

    private static Map<String, List<StatementCounts>> check(List<String> messages) throws SQLException {
        try (Connection c = db.connect()) {
            return new DataChecker(DataChecker.DEFAULT_TIMEOUT, (level, m) -> messages.add(level + " " + m))
                    .check(c, List.of(new MigrationScript(null, "V2__checks.sql", null, "checks", MIGRATION, true)));
        }
    }

    @Test
    void countsTheRowsThatViolateEachAddedConstraint() throws SQLException {
        List<String> messages = new ArrayList<>();
        List<StatementCounts> counts = check(messages).get("V2__checks.sql");
        Map<Integer, List<Long>> byStatement = counts.stream().collect(Collectors.toMap(StatementCounts::index,
                s -> s.counts().stream().map(ViolationCount::rows).toList()));
        assertThat(byStatement).containsExactlyInAnyOrderEntriesOf(Map.of(
                0, List.of(2L),     // status IS NULL
                1, List.of(1L),     // customer_id IS NULL
                2, List.of(3L),     // three orders share 'a@x'
                3, List.of(2L),     // customers 99 and 98 do not exist
                5, List.of(2L),     // qty 0 and -1, found through VALIDATE of the NOT VALID constraint
                6, List.of(2L),     // "Qty" IS NULL
                7, List.of(2L),     // ('A', 1) twice
                8, List.of(1L),     // "Order" 77
                9, List.of(1L),     // only the -2 price: NULL AND true is NULL, which a CHECK lets pass
                12, List.of(5L)));  // every order would need a value for the new column
        assertThat(counts.get(0).sql()).isEqualTo("ALTER TABLE orders ALTER COLUMN status SET NOT NULL");
        // The side-effecting CHECK and the column backfilled by an earlier statement are not counted.
        assertThat(messages).anyMatch(m -> m.contains("pg_sleep"));
    }

    @Test
    void cleanupScriptsRunAsGeneratedAndTheirReviewedStatementsRemoveTheViolations() throws SQLException {
        List<ViolationCount> all = check(new ArrayList<>()).get("V2__checks.sql").stream()
                .flatMap(s -> s.counts().stream()).toList();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (ViolationCount v : all) {
                try (Statement st = c.createStatement()) {
                    // As generated: only queries and the runnable backfill; a quoting mistake fails here.
                    st.execute(v.cleanup());
                    // As a reviewer would run it: the commented UPDATE/DELETE enabled, templates left alone.
                    String enabled = v.cleanup().replaceAll("(?m)^-- ((UPDATE|DELETE) (?!.*<value>))", "$1");
                    st.execute(enabled);
                    if (!v.cleanup().contains("<value>") && v.check().kind() != DataCheck.Kind.NEW_REQUIRED_COLUMN) {
                        assertThat(count(st, v.check().countSql())).as(v.cleanup()).isZero();
                    }
                } finally {
                    c.rollback();
                }
            }
        }
        assertThat(all).extracting(v -> v.check().kind()).contains(DataCheck.Kind.values());
    }

    @Test
    void checksLeaveTheTargetAsTheyFoundIt() throws SQLException {
        String before = fingerprint();
        check(new ArrayList<>());
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aCountThatTimesOutIsNamedToTheListenerAndNotReported() throws SQLException, InterruptedException {
        List<String> messages = new ArrayList<>();
        try (Connection locker = db.connect(); Connection c = db.connect()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                // The count waits for this lock, and statement_timeout bounds lock waits as well.
                st.execute("LOCK TABLE \"Sales Dept\".\"Order Items\" IN ACCESS EXCLUSIVE MODE");
            }
            Map<String, List<StatementCounts>> counts = new DataChecker(Duration.ofMillis(300),
                    (level, m) -> messages.add(level + " " + m)).check(c, List.of(new MigrationScript(null, "V3.sql",
                    null, "x", "ALTER TABLE \"Sales Dept\".\"Order Items\" ALTER COLUMN \"Qty\" SET NOT NULL;",
                    true)));
            locker.rollback();
            assertThat(counts).isEmpty();
        }
        assertThat(messages).anyMatch(m -> m.startsWith("WARN ") && m.contains("\"Sales Dept\".\"Order Items\"")
                && m.contains("did not finish"));
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // Rows, constraints and indexes of the scratch database: anything a write would change.
    private static String fingerprint() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM orders t)
                    || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "Sales Dept"."Order Items" t)
                    || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM backfilled t)
                    || (SELECT count(*) FROM pg_constraint WHERE connamespace <> 'pg_catalog'::regnamespace)
                    || '/' || (SELECT count(*) FROM pg_class WHERE relnamespace <> 'pg_catalog'::regnamespace)
                """)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
