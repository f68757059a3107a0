package dev.migrationagent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Shared JSON tree factory and the one pretty-printed layout used by the JSON and SARIF reports. */
final class JsonText {
    // "\n" rather than the system line separator, so that golden files match on every OS.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The tree API is loaded only for SARIF; the JSON report streams without it. */
    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final ObjectWriter WRITER = MAPPER.writer(PRETTY);
    }

    private JsonText() {}

    /** A generator with the shared layout; the caller closes it. */
    static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter(PRETTY));
    }

    static ObjectNode object() {
        return Trees.MAPPER.createObjectNode();
    }

    /** Pretty-printed text with a trailing newline. */
    static String print(JsonNode node) {
        try {
            return Trees.WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // A tree built from strings and numbers cannot fail to serialize.
            throw new UncheckedIOException(e);
        }
    }
}
