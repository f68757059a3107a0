package dev.migrationagent.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.schema.TableStats;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.TypeName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text the catalog prints, turned into model values; needs no server. */
class CatalogTextTest {
    private final TypeTexts texts = new TypeTexts();

    @Test
    void formatTypeOutputGetsTheParsersCanonicalNames() {
        assertThat(canonical("integer")).isEqualTo("int4 []");
        assertThat(canonical("character varying(40)")).isEqualTo("varchar [40]");
        assertThat(canonical("timestamp with time zone")).isEqualTo("timestamptz []");
        assertThat(canonical("timestamp(3) without time zone")).isEqualTo("timestamp [3]");
        assertThat(canonical("double precision")).isEqualTo("float8 []");
        assertThat(canonical("numeric(12,2)")).isEqualTo("numeric [12, 2]");
        assertThat(canonical("character(3)")).isEqualTo("bpchar [3]");
        assertThat(canonical("bit varying(8)")).isEqualTo("varbit [8]");
        assertThat(canonical("interval year to month")).isEqualTo("interval []");
        assertThat(canonical("billing.status")).isEqualTo("billing.status []");
        assertThat(texts.type("text[]").array()).isTrue();
        assertThat(texts.type("integer")).isSameAs(texts.type("integer"));
    }

    @Test
    void defaultsBecomeExpressions() {
        assertThat(texts.expression("nextval('billing.invoices_id_seq'::regclass)").functions())
                .containsExactly("nextval");
        assertThat(texts.expression("'ok'::mood").constant()).isTrue();
        assertThat(texts.expression("now()").constant()).isFalse();
        assertThat(texts.expression(null)).isNull();
    }

    @Test
    void checkExpressionIsTheTextInsideCheck() {
        assertThat(PostgresIntrospector.checkExpression("CHECK (amount >= 0::numeric)"))
                .isEqualTo("amount >= 0::numeric");
        assertThat(PostgresIntrospector.checkExpression("CHECK (a > 0 AND (b < 1)) NOT VALID"))
                .isEqualTo("a > 0 AND (b < 1)");
        assertThat(PostgresIntrospector.checkExpression("CHECK (note <> ')'::text) NO INHERIT"))
                .isEqualTo("note <> ')'::text");
        assertThat(PostgresIntrospector.checkExpression("CHECK (\"Weird)\" IS NOT NULL)"))
                .isEqualTo("\"Weird)\" IS NOT NULL");
    }

    @Test
    void statsWithBytesLeaveOutTablesNeverAnalyzed() {
        TableStats stats = TableStats.of(Map.of(new QualifiedName("public", "orders"), new TableStats.Entry(5, 8192),
                QualifiedName.of("fresh"), new TableStats.Entry(-1, 0)));
        assertThat(stats.get(QualifiedName.of("orders"))).isEqualTo(new TableStats.Entry(5, 8192));
        assertThat(stats.get(QualifiedName.of("fresh"))).isNull();
    }

    private String canonical(String formatType) {
        TypeName t = texts.type(formatType);
        return t.name() + " " + t.modifiers();
    }
}
