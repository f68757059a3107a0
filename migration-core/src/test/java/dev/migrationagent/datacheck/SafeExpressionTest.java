package dev.migrationagent.datacheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which CHECK expressions the data checks dare to run on the target. */
class SafeExpressionTest {
    @ParameterizedTest
    @ValueSource(strings = {"qty > 0", "(qty > 0) AND (status IN ('a', 'b'))", "length(lower(\"E-mail\")) < 200",
        "price >= 0::numeric(10, 2)", "CAST(x AS varchar(3)) <> ''", "coalesce(a, b) IS NOT NULL",
        "CASE WHEN (a > 0) THEN true ELSE false END"})
    void embedsOperatorsCastsAndBuiltIns(String expression) {
        assertThat(SafeExpression.isSafe(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg_sleep(10) IS NOT NULL", "my_check(qty)", "public.lower(x) = x", "\"lower\"(x) = x",
        "x IN (SELECT 1)", "EXISTS (SELECT 1)", "qty > 0) OR (true", "qty > 0; DROP TABLE t", "qty > 0 -- x",
        "qty > $1", ""})
    void skipsCallsQueriesAndBrokenText(String expression) {
        assertThat(SafeExpression.isSafe(expression)).isFalse();
    }
}
