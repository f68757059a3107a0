package dev.migrationagent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitterTest {
    @Test
    void splitsAtTopLevelSemicolonsWithSpans() {
        Splitter.Result r = Splitter.split("CREATE TABLE a (x int);\n\n  ALTER TABLE a\n  ADD y int;");
        assertThat(r.statements()).hasSize(2);
        Span second = r.statements().get(1).span();
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.column()).isEqualTo(3);
        assertThat(second.endLine()).isEqualTo(4);
        assertThat(r.statements().get(1).text()).isEqualTo("ALTER TABLE a\n  ADD y int");
    }

    @Test
    void keepsFunctionBodiesAndStandardSqlBodiesWhole() {
        String sql = """
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
                CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
                SELECT 3;
                """;
        assertThat(Splitter.split(sql).statements()).hasSize(3);
    }

    @Test
    void attachesLeadingAndSameLineTrailingCommentsAndSeparatesTheHeader() {
        String sql = """
                -- file header
                -- migration:ignore-file ban-drop-table -- archive

                -- leading
                DROP TABLE a; -- trailing
                -- next
                DROP TABLE b;
                """;
        Splitter.Result r = Splitter.split(sql);
        assertThat(r.headerComments()).hasSize(2);
        List<RawStatement> s = r.statements();
        assertThat(s.get(0).comments()).extracting(Token::value).containsExactly("-- leading", "-- trailing");
        assertThat(s.get(1).comments()).extracting(Token::value).containsExactly("-- next");
    }

    @Test
    void emptyAndCommentOnlyScriptsHaveNoStatements() {
        assertThat(Splitter.split("").statements()).isEmpty();
        assertThat(Splitter.split("  ;; -- nothing\n/* at all */").statements()).isEmpty();
    }
}
