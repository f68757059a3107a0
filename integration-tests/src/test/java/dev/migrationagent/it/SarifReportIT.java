package dev.migrationagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the SARIF file a real {@code mvn verify} wrote (the {@code dangerous-migration-fails} invoker build, which
 * runs before this test in the same phase) against the official SARIF 2.1.0 schema, as GitHub code scanning will.
 */
class SarifReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORT = Path.of("target/it/dangerous-migration-fails/target/migration-agent/report.sarif");
    // The schema is kept once, with the core's report tests, rather than copied here.
    private static final Path SCHEMA = Path.of("../migration-core/src/test/resources/sarif-schema-2.1.0.json");

    @Test
    void sarifReportOfAFailedBuildIsValidSarif() throws IOException {
        assertThat(SCHEMA).as("SARIF 2.1.0 schema kept by the core tests").isRegularFile();
        assertThat(REPORT).as("report of the dangerous-migration-fails invoker build").isRegularFile();

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(read(SCHEMA));
        Set<ValidationMessage> problems = schema.validate(read(REPORT));

        assertThat(problems).as("schema violations").isEmpty();
    }

    @Test
    void resultNamesTheRuleAndARelativeArtifact() throws IOException {
        JsonNode result = read(REPORT).path("runs").path(0).path("results").path(0);

        assertThat(result.path("ruleId").asText()).isEqualTo("require-concurrent-index");
        String uri = result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asText();
        assertThat(uri).endsWith("V2__index_orders_created_at.sql");
        // GitHub matches results to files by repository-relative paths; absolute ones land nowhere.
        assertThat(URI.create(uri).isAbsolute()).as("uri has no scheme: %s", uri).isFalse();
        assertThat(uri).doesNotStartWith("/");
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
