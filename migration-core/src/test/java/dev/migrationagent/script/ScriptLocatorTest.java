package dev.migrationagent.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLocatorTest {
    @TempDir
    Path base;

    private Path dir() throws Exception {
        return Files.createDirectories(base.resolve("src/main/resources/db/migration"));
    }

    @Test
    void ordersVersionsNumericallyThenRepeatablesByDescription() throws Exception {
        Path d = dir();
        for (String f : List.of("V10__ten.sql", "V2__two.sql", "V1_1__one_one.sql", "R__b_view.sql", "R__a_view.sql",
                "V1__one.sql")) {
            Files.writeString(d.resolve(f), "SELECT 1;");
        }
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/V3__nested.sql"), "SELECT 1;");
        List<MigrationScript> s = ScriptLocator.find(base, List.of("filesystem:src/main/resources/db/migration"),
                Map.of(), Listener.silent());
        assertThat(s).extracting(MigrationScript::path).containsExactly(
                "src/main/resources/db/migration/V1__one.sql", "src/main/resources/db/migration/V1_1__one_one.sql",
                "src/main/resources/db/migration/V2__two.sql", "src/main/resources/db/migration/sub/V3__nested.sql",
                "src/main/resources/db/migration/V10__ten.sql", "src/main/resources/db/migration/R__a_view.sql",
                "src/main/resources/db/migration/R__b_view.sql");
        assertThat(s.get(1).description()).isEqualTo("one one");
    }

    @Test
    void readsSqlConfAndReplacesPlaceholders() throws Exception {
        Path d = dir();
        Files.writeString(d.resolve("V1__idx.sql"), "CREATE INDEX CONCURRENTLY i ON ${schema}.t (a);");
        Files.writeString(d.resolve("V1__idx.sql.conf"), "executeInTransaction=false\n");
        MigrationScript s = ScriptLocator.find(base, List.of(d.toString()), Map.of("schema", "app"),
                Listener.silent()).get(0);
        assertThat(s.executeInTransaction()).isFalse();
        assertThat(s.sql()).isEqualTo("CREATE INDEX CONCURRENTLY i ON app.t (a);");
    }

    @Test
    void warnsAboutFilesFlywayIgnores() throws Exception {
        Files.writeString(dir().resolve("add_column.sql"), "SELECT 1;");
        List<String> warnings = new ArrayList<>();
        ScriptLocator.find(base, List.of("filesystem:src/main/resources/db/migration"), Map.of(),
                (level, message) -> warnings.add(message));
        assertThat(warnings).singleElement().asString().contains("add_column.sql").contains("Flyway ignores it");
    }

    @Test
    void missingFolderNamesTheLocationParameter() {
        assertThatThrownBy(() -> ScriptLocator.find(base, List.of("filesystem:db/nowhere"), Map.of(),
                Listener.silent()))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("locations");
                    assertThat(e.value()).isEqualTo("filesystem:db/nowhere");
                })
                .hasMessageContaining("does not exist");
    }

    @Test
    void classpathLocationsAreRefusedWithTheFilesystemEquivalent() {
        assertThatThrownBy(() -> ScriptLocator.resolve(base, "classpath:db/migration"))
                .hasMessageContaining("filesystem:src/main/resources/db/migration");
    }

    @Test
    void duplicateVersionsAndBadEncodingsAreInputErrors() throws Exception {
        Path d = dir();
        Files.writeString(d.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(d.resolve("V1.0__b.sql"), "SELECT 1;");
        assertThatThrownBy(() -> ScriptLocator.find(base, List.of(d.toString()), Map.of(), Listener.silent()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version 1");
        Files.delete(d.resolve("V1.0__b.sql"));
        Files.write(d.resolve("V2__latin1.sql"), new byte[] {'S', 'E', 'L', (byte) 0xE9});
        assertThatThrownBy(() -> ScriptLocator.find(base, List.of(d.toString()), Map.of(), Listener.silent()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("V2__latin1.sql")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void badSqlConfValueNamesTheConfFile() throws Exception {
        Path d = dir();
        Files.writeString(d.resolve("V1__x.sql"), "SELECT 1;");
        Files.writeString(d.resolve("V1__x.sql.conf"), "executeInTransaction=maybe");
        assertThatThrownBy(() -> ScriptLocator.find(base, List.of(d.toString()), Map.of(), Listener.silent()))
                .hasMessageContaining("V1__x.sql.conf").hasMessageContaining("true or false");
    }
}
