package dev.migrationagent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static List<Token> code(String sql) {
        return Lexer.tokenize(sql).stream().filter(t -> !t.isComment()).toList();
    }

    @Test
    void dollarQuotedBodiesAreOneStringTokenEvenWithSemicolonsAndNestedTags() {
        List<Token> t = code("SELECT $fn$ BEGIN x := 'a;b'; $inner$ ; $inner$ END; $fn$;");
        assertThat(t).extracting(Token::type).containsExactly(TokenType.WORD, TokenType.STRING, TokenType.SYMBOL);
        assertThat(t.get(1).value()).isEqualTo(" BEGIN x := 'a;b'; $inner$ ; $inner$ END; ");
    }

    @Test
    void stringsHandleDoubledQuotesAndBackslashEscapesOnlyInEStrings() {
        List<Token> t = code("'it''s' E'a\\'b' 'c\\'");
        assertThat(t).extracting(Token::value).containsExactly("it's", "a'b", "c\\");
    }

    @Test
    void quotedIdentifiersKeepCaseAndUnescapeDoubledQuotes() {
        List<Token> t = code("\"Mixed \"\"Case\"\"\" plain ÜBER");
        assertThat(t).extracting(Token::type).containsExactly(TokenType.QUOTED_IDENT, TokenType.WORD,
                TokenType.WORD);
        assertThat(t).extracting(Token::value).containsExactly("Mixed \"Case\"", "plain", "über");
    }

    @Test
    void nestedBlockCommentsAreOneToken() {
        List<Token> all = Lexer.tokenize("/* a /* b */ c */ x");
        assertThat(all).extracting(Token::type).containsExactly(TokenType.BLOCK_COMMENT, TokenType.WORD);
    }

    @Test
    void flywayPlaceholdersAreTokensOfTheirOwn() {
        List<Token> t = code("CREATE TABLE ${schema}.t");
        assertThat(t.get(2).type()).isEqualTo(TokenType.PLACEHOLDER);
        assertThat(t.get(2).value()).isEqualTo("schema");
    }

    @Test
    void positionsAreOneBasedLineAndColumnAcrossMultiLineTokens() {
        List<Token> t = code("SELECT 'a\nb',\n  x");
        Token x = t.get(t.size() - 1);
        assertThat(x.line()).isEqualTo(3);
        assertThat(x.column()).isEqualTo(3);
    }

    @Test
    void unterminatedConstructsBecomeErrorTokensWithTheirStart() {
        assertThat(code("SELECT 'abc")).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(TokenType.ERROR);
            assertThat(e.column()).isEqualTo(8);
        });
        assertThat(code("x $q$ body")).last().extracting(Token::type).isEqualTo(TokenType.ERROR);
        assertThat(Lexer.tokenize("/* never closed")).last().extracting(Token::type).isEqualTo(TokenType.ERROR);
    }

    @Test
    void operatorsDoNotSwallowACommentStart() {
        List<Token> all = Lexer.tokenize("a +-- comment\nb");
        assertThat(all).extracting(Token::type).containsExactly(TokenType.WORD, TokenType.SYMBOL,
                TokenType.LINE_COMMENT, TokenType.WORD);
    }
}
