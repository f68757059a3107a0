package dev.migrationagent.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Flyway's reading of its history, on rows written by hand; {@code TargetHistoryTest} compares with Flyway itself. */
class SchemaHistoryTest {
    private static MigrationScript versioned(String version, String sql) {
        return new MigrationScript(null, "V" + version + "__x.sql", Version.parse(version), "x", sql, null);
    }

    private static MigrationScript repeatable(String description, String sql) {
        return new MigrationScript(null, "R__" + description + ".sql", null, description, sql, null);
    }

    private static SchemaHistory.Row row(int rank, String version, String description, String type, Integer checksum,
            boolean success) {
        return new SchemaHistory.Row(rank, version, description, type, description + ".sql", checksum, success);
    }

    @Test
    void checksumIgnoresLineEndingsAndTheByteOrderMark() {
        int lf = SchemaHistory.checksum("SELECT 1;\nSELECT 2;\n");
        assertThat(SchemaHistory.checksum("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(lf);
        assertThat(SchemaHistory.checksum("\uFEFFSELECT 1;\nSELECT 2;")).isEqualTo(lf);
        assertThat(SchemaHistory.checksum("SELECT 1; SELECT 2;")).isNotEqualTo(lf);
    }

    @Test
    void versionsFollowTheirLatestRunAndTheBaseline() {
        SchemaHistory h = new SchemaHistory(List.of(
                row(1, "0", "<< Flyway Schema Creation >>", "SCHEMA", null, true),
                row(2, "3", "<< Flyway Baseline >>", "BASELINE", null, true),
                row(3, "4.0", "four", "SQL", 1, true),
                row(4, "5", "five", "SQL", 1, false),
                row(5, "6", "six", "SQL", 1, true),
                row(6, "6", "six", "UNDO_SQL", 1, true)));
        assertThat(h.state(versioned("2", ""))).as("below the baseline").isEqualTo(SchemaHistory.State.APPLIED);
        assertThat(h.state(versioned("4", ""))).as("4.0 is 4").isEqualTo(SchemaHistory.State.APPLIED);
        assertThat(h.state(versioned("5", ""))).isEqualTo(SchemaHistory.State.FAILED);
        assertThat(h.state(versioned("6", ""))).as("undone").isEqualTo(SchemaHistory.State.PENDING);
        assertThat(h.state(versioned("7", ""))).isEqualTo(SchemaHistory.State.PENDING);
        assertThat(h.appliedVersions()).isEqualTo(2);
        assertThat(new SchemaHistory(List.of(row(1, "0", "<< Flyway Schema Creation >>", "SCHEMA", null, true)))
                .state(versioned("0", ""))).as("the SCHEMA marker is no migration")
                .isEqualTo(SchemaHistory.State.PENDING);
    }

    @Test
    void aRepeatableScriptIsJudgedByTheLatestRunOfItsDescription() {
        String now = "CREATE OR REPLACE VIEW v AS SELECT 2;";
        int current = SchemaHistory.checksum(now);
        SchemaHistory h = new SchemaHistory(List.of(
                row(1, null, "views", "SQL", current + 1, true),
                row(2, null, "views", "SQL", current, true),
                row(3, null, "grants", "SQL", current, true),
                row(4, null, "grants", "SQL", current + 1, true),
                row(5, null, "audit", "SQL", current, false),
                row(6, null, "gone", "DELETE", current, true)));
        assertThat(h.state(repeatable("views", now))).isEqualTo(SchemaHistory.State.APPLIED);
        assertThat(h.state(repeatable("grants", now))).isEqualTo(SchemaHistory.State.CHANGED);
        assertThat(h.recordedChecksum(repeatable("grants", now))).isEqualTo(current + 1);
        assertThat(h.state(repeatable("audit", now))).isEqualTo(SchemaHistory.State.FAILED);
        assertThat(h.state(repeatable("gone", now))).isEqualTo(SchemaHistory.State.PENDING);
        assertThat(h.state(repeatable("new", now))).isEqualTo(SchemaHistory.State.PENDING);
        assertThat(h.appliedRepeatables()).isEqualTo(2);
    }
}
