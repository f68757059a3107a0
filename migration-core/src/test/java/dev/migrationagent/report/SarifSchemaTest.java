package dev.migrationagent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the SARIF report against the SARIF 2.1.0 schema from oasis-tcs/sarif-spec
 * ({@code Schemata/sarif-schema-2.1.0.json}), kept verbatim as a test resource so that the build never goes online.
 */
class SarifSchemaTest {
    private static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        String text;
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            text = withRegionAnyOfFixed(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // The schema's $id maps to the local copy; remote fetching stays off, so nothing is downloaded.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .resourceLoaders(r -> r.resources(Map.of(SCHEMA_ID, text)))));
        schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
    }

    @Test
    void storedSchemaIsTheSarif210Schema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            JsonNode stored = new ObjectMapper().readTree(in);
            assertThat(stored.get("$id").asText()).isEqualTo(SCHEMA_ID);
            assertThat(stored.at("/properties/version/enum/0").asText()).isEqualTo("2.1.0");
        }
    }

    @Test
    void regionWithoutStartLineIsRejected() {
        String valid = Reports.render(SampleAnalysis.unsafe(), ReportFormat.SARIF);

        assertThat(validate(valid.replaceFirst("\"startLine\": 4,", ""))).isNotEmpty();
    }

    @Test
    void unencodedSpaceInUriIsRejected() {
        String valid = Reports.render(SampleAnalysis.unsafe(), ReportFormat.SARIF);

        assertThat(validate(valid.replace("V2__caf%C3%A9.sql", "V2 caf.sql"))).isNotEmpty();
    }

    @Test
    void sampleReportIsValidSarif() {
        assertThat(validate(Reports.render(SampleAnalysis.unsafe(), ReportFormat.SARIF))).isEmpty();
    }

    @Test
    void reportWithoutFindingsIsValidSarif() {
        assertThat(validate(Reports.render(SampleAnalysis.safe(), ReportFormat.SARIF))).isEmpty();
    }

    @Test
    void resultWithoutMessageIsRejected() {
        String valid = Reports.render(SampleAnalysis.unsafe(), ReportFormat.SARIF);
        String broken = valid.replaceFirst("\"message\": \\{\\s*\"text\": \"[^\"]*\"\\s*},", "");

        assertThat(broken).isNotEqualTo(valid);
        assertThat(validate(broken)).anySatisfy(e -> assertThat(e).contains("message"));
    }

    @Test
    void unknownLevelAndWrongVersionAreRejected() {
        String valid = Reports.render(SampleAnalysis.unsafe(), ReportFormat.SARIF);

        assertThat(validate(valid.replaceFirst("\"level\": \"error\"", "\"level\": \"fatal\""))).isNotEmpty();
        assertThat(validate(valid.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""))).isNotEmpty();
    }

    /**
     * The stored copy carries the errata01 slip reported as oasis-tcs/sarif-spec#578: region's "at least one start
     * property" {@code anyOf} sits inside {@code properties}, which no validator accepts. Moving it one level up,
     * as the fix for that issue does, keeps the file itself verbatim.
     */
    private static String withRegionAnyOfFixed(String schemaText) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(schemaText);
        ObjectNode region = (ObjectNode) root.get("definitions").get("region");
        JsonNode misplaced = ((ObjectNode) region.get("properties")).remove("anyOf");
        if (misplaced != null) {
            region.set("anyOf", misplaced);
        }
        return mapper.writeValueAsString(root);
    }

    private static List<String> validate(String sarif) {
        return schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
