package dev.migrationagent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Shared JSON tree factory and the one pretty-printed layout used by the JSON and SARIF reports. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // "\n" rather than the system line separator, so that golden files match on every OS.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

    private JsonText() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Pretty-printed text with a trailing newline. */
    static String print(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // A tree built from strings and numbers cannot fail to serialize.
            throw new UncheckedIOException(e);
        }
    }
}
