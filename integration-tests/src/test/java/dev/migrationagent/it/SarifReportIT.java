package dev.migrationagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the SARIF file a real {@code mvn verify} wrote (the {@code dangerous-migration-fails} invoker build, which
 * runs before this test in the same phase) against the SARIF 2.1.0 schema, as GitHub code scanning will read it.
 */
class SarifReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORT =
            Path.of("target/it/dangerous-migration-fails/target/migration-agent/report.sarif");
    // Kept once, with the core's report tests, rather than copied here.
    private static final Path SCHEMA = Path.of("../migration-core/src/test/resources/sarif-schema-2.1.0.json");

    @Test
    void sarifReportOfAFailedBuildIsValidSarif() throws IOException {
        assertThat(SCHEMA).as("SARIF 2.1.0 schema kept by the core tests").isRegularFile();
        assertThat(REPORT).as("report of the dangerous-migration-fails invoker build").isRegularFile();

        List<String> problems = schema().validate(Files.readString(REPORT), InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();

        assertThat(problems).as("schema violations").isEmpty();
    }

    @Test
    void resultNamesTheRuleAndARelativeArtifact() throws IOException {
        JsonNode result = JSON.readTree(Files.readString(REPORT)).path("runs").path(0).path("results").path(0);

        assertThat(result.path("ruleId").asText()).isEqualTo("require-concurrent-index");
        String uri = result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asText();
        assertThat(uri).endsWith("V2__index_orders_created_at.sql");
        // GitHub matches results to files by repository-relative paths; absolute ones land nowhere.
        assertThat(URI.create(uri).isAbsolute()).as("uri has no scheme: %s", uri).isFalse();
        assertThat(uri).doesNotStartWith("/");
    }

    /** The stored schema, served under its own {@code $id} so that nothing is fetched over the network. */
    private static Schema schema() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(SCHEMA));
        String id = root.get("$id").asText();
        // The published file has region's "anyOf" inside "properties" (oasis-tcs/sarif-spec#578), where no
        // validator applies it; the core's SarifSchemaTest lifts it one level up the same way.
        ObjectNode region = (ObjectNode) root.path("definitions").path("region");
        JsonNode misplaced = ((ObjectNode) region.get("properties")).remove("anyOf");
        if (misplaced != null) {
            region.set("anyOf", misplaced);
        }
        String text = JSON.writeValueAsString(root);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .resourceLoaders(r -> r.resources(Map.of(id, text)))));
        return registry.getSchema(SchemaLocation.of(id));
    }
}
