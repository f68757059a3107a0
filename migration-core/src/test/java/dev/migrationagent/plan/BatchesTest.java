package dev.migrationagent.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.shadow.EmbeddedShadowProvider;
import dev.migrationagent.shadow.ShadowDatabase;
import dev.migrationagent.sql.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batched row change on a real server: every matching row changes, and no statement touches more than a batch. */
class BatchesTest {
    @Test
    void compositeKeysAreWalkedInBoundedBatches() throws Exception {
        assumeTrue(EmbeddedShadowProvider.shared().available(16), "embedded PostgreSQL cannot start here; skipped");
        try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(16); Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA \"Big Data\"");
            s.execute("CREATE TABLE \"Big Data\".\"Events\" (tenant int, \"Key\" text, n int, done int, "
                    + "PRIMARY KEY (tenant, \"Key\"))");
            // Sparse, uneven keys: 7 tenants, text keys, 2,503 rows.
            s.execute("INSERT INTO \"Big Data\".\"Events\" SELECT g % 7, 'k' || (g * 13), g, NULL "
                    + "FROM generate_series(1, 2503) g");
            s.execute("UPDATE \"Big Data\".\"Events\" SET done = -1 WHERE n % 10 = 0");
            // A statement-level trigger sees exactly the rows each statement changed.
            s.execute("CREATE TABLE batch_log (rows bigint)");
            s.execute("CREATE FUNCTION log_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO batch_log SELECT count(*) FROM changed; RETURN NULL; END $$");
            s.execute("CREATE TRIGGER log_rows AFTER UPDATE ON \"Big Data\".\"Events\" REFERENCING NEW TABLE AS "
                    + "changed FOR EACH STATEMENT EXECUTE FUNCTION log_rows()");
            s.execute("TRUNCATE batch_log");
            c.setAutoCommit(true);
            s.execute(Batches.update(new QualifiedName("Big Data", "Events"), List.of("tenant", "Key"),
                    "SET done = n * 2", "done IS NULL", 300, Duration.ZERO));
            assertThat(count(s, "SELECT count(*) FROM \"Big Data\".\"Events\" WHERE done IS NULL")).isZero();
            assertThat(count(s, "SELECT count(*) FROM \"Big Data\".\"Events\" WHERE done = n * 2")).isEqualTo(2253);
            assertThat(count(s, "SELECT count(*) FROM \"Big Data\".\"Events\" WHERE done = -1")).isEqualTo(250);
            assertThat(count(s, "SELECT max(rows) FROM batch_log")).isLessThanOrEqualTo(300);
            assertThat(count(s, "SELECT count(*) FROM batch_log")).isEqualTo(9);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
