package dev.migrationagent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HistoryTableTest {
    @Test
    void parsesFlywaysTableSettingLiterally() {
        assertThat(HistoryTable.parse("flyway_schema_history")).isEqualTo(HistoryTable.DEFAULT);
        // Flyway quotes the names it is given, so their case is kept.
        assertThat(HistoryTable.parse(" app.Schema_Version ")).isEqualTo(new HistoryTable("app", "Schema_Version"));
        assertThat(HistoryTable.parse("\"my.app\".\"say \"\"hi\"\"\"")).isEqualTo(new HistoryTable("my.app",
                "say \"hi\""));
    }

    @Test
    void rejectsWhatIsNotTableOrSchemaDotTable() {
        for (String bad : new String[] {"", " ", "a.b.c", "app.", ".t", "\"open"}) {
            assertThatThrownBy(() -> HistoryTable.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("table");
                        assertThat(e.value()).isEqualTo(bad);
                    });
        }
    }

    @Test
    void aNameWithoutSchemaTakesFlywaysDefaultSchema() {
        assertThat(HistoryTable.DEFAULT.inSchema("app")).isEqualTo(new HistoryTable("app", "flyway_schema_history"));
        assertThat(HistoryTable.DEFAULT.inSchema(null)).isEqualTo(HistoryTable.DEFAULT);
        assertThat(new HistoryTable("audit", "h").inSchema("app")).isEqualTo(new HistoryTable("audit", "h"));
    }

    @Test
    void theRequestDefaultsToFlywaysTable() {
        assertThat(AnalysisRequest.builder(Path.of(".")).build().table()).isEqualTo(HistoryTable.DEFAULT);
        assertThat(AnalysisRequest.builder(Path.of(".")).table("app.h").build().table())
                .isEqualTo(new HistoryTable("app", "h"));
    }
}
