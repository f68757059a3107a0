package dev.migrationagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.AnalysisRequest;
import dev.migrationagent.api.DatabaseConnection;
import dev.migrationagent.api.Evidence;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.Listener;
import dev.migrationagent.api.ReviewScope;
import dev.migrationagent.introspect.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data checks through the public entry point, with the local PostgreSQL as the target. */
class TargetDataChecksTest {
    // The applied history, on the target as in the migrations: the analysis knows the tables from it.
    private static final String V1 = """
            CREATE TABLE orders (id integer PRIMARY KEY, status text);
            CREATE TABLE "Order Items" ("Qty" integer);
            CREATE TABLE clean (id integer PRIMARY KEY, status text);
            """;
    private static ScratchDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() throws SQLException {
        db = ScratchDatabase.create();
        if (db.available()) {
            db.execute(V1 + """
                    INSERT INTO orders VALUES (1, NULL), (2, NULL), (3, 'paid');
                    INSERT INTO "Order Items" VALUES (1), (1), (2);
                    INSERT INTO clean VALUES (1, 'paid');
                    """);
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

    @Test
    void violationsOnTheTargetBecomeCountedFindingsWithACleanupScript() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__init.sql"), V1);
        Files.writeString(migrations.resolve("V2__constraints.sql"), """
                ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
                ALTER TABLE "Order Items" ADD CONSTRAINT qty_unique UNIQUE ("Qty");
                ALTER TABLE clean ALTER COLUMN status SET NOT NULL;
                """);
        Analysis a = MigrationAgent.analyze(AnalysisRequest.builder(dir).scope(new ReviewScope.AfterVersion("1"))
                .target(new DatabaseConnection(ScratchDatabase.SERVER + db.name, "postgres", null)).build(),
                Listener.silent());
        List<Finding> found = a.findings().stream().filter(f -> f.ruleId().equals("target-rows-violate")).toList();
        assertThat(found).extracting(Finding::line).containsExactly(1, 2);
        assertThat(found.get(0).message()).startsWith("2 rows of orders in the target hold NULL");
        assertThat(found.get(0).fix()).contains("SELECT c.* FROM orders c WHERE c.status IS NULL LIMIT 100;");
        assertThat(found.get(1).message()).startsWith("2 rows of \"Order Items\" in the target share their value");
        assertThat(found.get(1).fix()).contains("GROUP BY c.\"Qty\" HAVING count(*) > 1");
        assertThat(found).extracting(Finding::evidence).containsOnly(Evidence.COUNTED);
        assertThat(a.safeToDeploy()).isFalse();
    }
}
