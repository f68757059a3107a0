package dev.migrationagent.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Scratch databases come and go; a URL shadow refuses to be the target. */
class ShadowProviderTest {
    @Test
    void scratchDatabaseIsCreatedOnTheWantedMajorAndDroppedOnClose() throws Exception {
        EmbeddedShadowProvider p = EmbeddedShadowProvider.shared();
        assumeTrue(p.available(16), "embedded PostgreSQL cannot start here; skipped");
        String name;
        try (ShadowDatabase db = p.create(16); Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1) / 10000).isEqualTo(16);
            assertThat(db.majorVersion()).isEqualTo(16);
            name = db.name();
            assertThat(p.scratchDatabases()).contains(name);
        }
        assertThat(p.scratchDatabases()).doesNotContain(name);
    }

    @Test
    void missingBinariesNameTheVersionAndTheFetchCommand() {
        assertThatThrownBy(() -> EmbeddedShadowProvider.binaries(9))
                .isInstanceOf(ShadowException.class)
                .hasMessageContaining("PostgreSQL 9 binaries not found")
                .hasMessageContaining("mvn dependency:get");
    }

    @Test
    void urlShadowRefusesTheTargetDatabase() {
        assertThatThrownBy(() -> new UrlShadowProvider("jdbc:postgresql://127.0.0.1:5432/app", "u", null,
                "jdbc:postgresql://localhost/app?sslmode=disable"))
                .isInstanceOf(ShadowException.class).hasMessageContaining("points to the target database app");
        new UrlShadowProvider("jdbc:postgresql://localhost:5432/postgres", "u", null,
                "jdbc:postgresql://localhost:5432/app").close();
    }

    @Test
    void scratchUrlKeepsHostAndParameters() {
        assertThat(UrlShadowProvider.withDatabase("jdbc:postgresql://h:5433/postgres?ssl=true", "s1"))
                .isEqualTo("jdbc:postgresql://h:5433/s1?ssl=true");
    }
}
