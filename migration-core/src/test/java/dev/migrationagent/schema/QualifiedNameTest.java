package dev.migrationagent.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.sql.QualifiedName;
import org.junit.jupiter.api.Test;

class QualifiedNameTest {
    @Test
    void quotesOnlyWhereNeeded() {
        assertThat(QualifiedName.quote("orders")).isEqualTo("orders");
        assertThat(QualifiedName.quote("UserProfiles")).isEqualTo("\"UserProfiles\"");
        assertThat(QualifiedName.quote("user")).isEqualTo("\"user\"");
        assertThat(QualifiedName.quote("order")).isEqualTo("\"order\"");
        assertThat(QualifiedName.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(QualifiedName.quote("with space")).isEqualTo("\"with space\"");
        assertThat(QualifiedName.quote("café")).isEqualTo("\"café\"");
        assertThat(QualifiedName.quote("1abc")).isEqualTo("\"1abc\"");
        assertThat(new QualifiedName("Billing", "invoices").toSql()).isEqualTo("\"Billing\".invoices");
    }

    @Test
    void parsesUserWrittenNamesWithPostgresCaseFolding() {
        assertThat(QualifiedName.parse("Orders")).isEqualTo(QualifiedName.of("orders"));
        assertThat(QualifiedName.parse("\"UserProfiles\"")).isEqualTo(QualifiedName.of("UserProfiles"));
        assertThat(QualifiedName.parse("billing.\"A.B\"")).isEqualTo(new QualifiedName("billing", "A.B"));
    }
}
