package dev.migrationagent.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.sql.QualifiedName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Row and byte estimates of the target's tables, from a stats file exported from production (see
 * {@code docs/table-stats.md}) or from live introspection.
 */
public final class TableStats {
    /** Statistics of one table; {@code bytes} is -1 when unknown. */
    public record Entry(long rows, long bytes) {}

    private final Map<QualifiedName, Entry> entries;

    private TableStats(Map<QualifiedName, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** No statistics: every existing table has unknown size. */
    public static TableStats none() {
        return new TableStats(Map.of());
    }

    /** Statistics from a map of table name to row count (names as in {@link QualifiedName#parse}). */
    public static TableStats ofRows(Map<String, Long> rows) {
        Map<QualifiedName, Entry> m = new HashMap<>();
        rows.forEach((k, v) -> m.put(SchemaModel.resolve(QualifiedName.parse(k)), new Entry(v, -1)));
        return new TableStats(m);
    }

    /**
     * Statistics with row and byte counts, as live introspection reads them. Entries with negative rows (never
     * analyzed) are left out, as in {@link #read}, so such tables count as unknown size rather than small.
     */
    public static TableStats of(Map<QualifiedName, Entry> entries) {
        Map<QualifiedName, Entry> m = new HashMap<>();
        entries.forEach((k, v) -> {
            if (v.rows() >= 0) {
                m.put(SchemaModel.resolve(k), v);
            }
        });
        return new TableStats(m);
    }

    /** The statistics of a table, or {@code null}. */
    public Entry get(QualifiedName table) {
        return entries.get(SchemaModel.resolve(table));
    }

    /**
     * Reads a stats file: {@code {"tables": [{"schema": "public", "name": "orders", "rows": 50000000,
     * "bytes": 7340032000}]}}. {@code schema} and {@code bytes} are optional; {@code name} may be qualified.
     *
     * @throws InvalidInputException naming the file and the entry when the file is missing or malformed
     */
    public static TableStats read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(file, "stats file not found", null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidInputException(file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot read stats file: " + e.getMessage(), null);
        }
        JsonNode tables = root == null ? null : root.get("tables");
        if (tables == null || !tables.isArray()) {
            throw new InvalidInputException(file, "expected an object with a \"tables\" array", null);
        }
        Map<QualifiedName, Entry> m = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonNode t = tables.get(i);
            JsonNode name = t.get("name");
            JsonNode rows = t.get("rows");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new InvalidInputException(file, "tables[" + i + "]: \"name\" must be a non-empty string", null);
            }
            if (rows != null && !rows.isNull() && !rows.canConvertToLong()) {
                throw new InvalidInputException(file, "tables[" + i + "] (" + name.asText()
                        + "): \"rows\" must be a whole number", null);
            }
            if (rows == null || rows.isNull() || rows.asLong() < 0) {
                continue; // Never analyzed: the size stays unknown, which counts as large.
            }
            QualifiedName q = QualifiedName.parse(name.asText());
            JsonNode schema = t.get("schema");
            if (schema != null && schema.isTextual() && q.schema() == null) {
                q = new QualifiedName(schema.asText(), q.name());
            }
            JsonNode bytes = t.get("bytes");
            m.put(SchemaModel.resolve(q), new Entry(rows.asLong(),
                    bytes != null && bytes.canConvertToLong() ? bytes.asLong() : -1));
        }
        return new TableStats(m);
    }
}
