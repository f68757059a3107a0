package dev.migrationagent.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.postgres.PostgresParser;
import org.junit.jupiter.api.Test;

class SchemaModelCopyTest {
    private static void apply(SchemaModel m, String sql) {
        for (ParsedStatement p : PostgresParser.parse(sql).statements()) {
            m.apply(p.statement());
        }
    }

    @Test
    void statementsAppliedToTheOriginalLeaveTheCopyAsItWas() {
        SchemaModel original = new SchemaModel();
        apply(original, """
                CREATE TABLE t (id integer PRIMARY KEY, name text);
                INSERT INTO t (id, name) VALUES (1, 'a');
                """);
        SchemaModel copy = original.copy();
        apply(original, """
                ALTER TABLE t ADD COLUMN note text DEFAULT 'n';
                ALTER TABLE t RENAME COLUMN name TO title;
                UPDATE t SET id = 2;
                CREATE INDEX t_note_idx ON t (note);
                """);
        QualifiedName t = QualifiedName.of("t");
        assertThat(copy.table(t).columns()).extracting(Column::name).containsExactly("id", "name");
        assertThat(copy.indexesOn(t)).extracting(i -> i.name().name()).containsExactly("t_pkey");
        assertThat(copy.knownRows(t)).singleElement().satisfies(r -> {
            assertThat(r.get("name").text()).isEqualTo("a");
            assertThat(r.get("id").text()).isEqualTo("1");
            assertThat(r.get("note")).isNull();
        });
        assertThat(original.knownRows(t)).singleElement().satisfies(r -> assertThat(r.get("title").text())
                .isEqualTo("a"));
    }
}
