package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleReportTest {
    private static final String DIR = SampleAnalysis.DIR;

    @Test
    void listsActiveFindingsWithFixThenVerdict() {
        assertThat(Reports.consoleSummary(SampleAnalysis.unsafe())).containsExactly(
                "ERROR   " + DIR + "V2__café.sql:4:1  require-concurrent-index  CREATE INDEX blocks writes to "
                        + "\"orders\" (about 50,000,000 rows) for about 42.5 s on PostgreSQL 16.",
                "        fix: Build the index without blocking writes, outside a transaction:",
                "ERROR   " + DIR + "V3__rename.sql:2:3  ban-rename-column  Renaming qty breaks the running version "
                        + "of every service that still reads it.",
                "        fix: Add quantity, write both columns, backfill, move readers, and drop qty in a later "
                        + "release.",
                "Migration Agent: NOT SAFE to deploy — 2 errors, 1 suppressed (PostgreSQL 16)");
    }

    @Test
    void saysSafeWhenOnlySuppressedFindingsRemain() {
        assertThat(Reports.consoleSummary(SampleAnalysis.safe()))
                .containsExactly("Migration Agent: safe to deploy — 1 suppressed (PostgreSQL 17)");
    }

    @Test
    void hasNoAnsiEscapes() {
        assertThat(String.join("\n", Reports.consoleSummary(SampleAnalysis.unsafe()))).doesNotContain("\u001b");
    }
}
