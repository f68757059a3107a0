package dev.migrationagent.corpus;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.InvalidInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One labelled case of the migration-safety corpus (format in the corpus README).
 *
 * @param name case name
 * @param pg target major version
 * @param rows row estimates by table name as written
 * @param expectSafe the label
 * @param hazards expected hazard categories
 * @param nonTransactional {@code -- tx: none}
 * @param schema the {@code @schema} section
 * @param migration the {@code @migration} section
 * @param migrationLine line of the file where the migration section starts
 * @param target the optional {@code @target} section: the schema of a target that may have drifted from
 *     {@code schema}; empty when the case has no target
 */
public record CorpusCase(String name, int pg, Map<String, Long> rows, boolean expectSafe, Set<Category> hazards,
        boolean nonTransactional, String schema, String migration, int migrationLine, String target) {

    public CorpusCase {
        rows = Map.copyOf(rows);
        hazards = Set.copyOf(hazards);
    }

    /** Parses a case file's text. */
    public static CorpusCase parse(Path file, String text) {
        String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
        int pg = 0;
        Map<String, Long> rows = new LinkedHashMap<>();
        Boolean safe = null;
        Set<Category> hazards = new TreeSet<>();
        boolean txNone = false;
        StringBuilder schema = new StringBuilder();
        StringBuilder migration = new StringBuilder();
        StringBuilder target = new StringBuilder();
        StringBuilder section = null;
        int migrationLine = 0;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.strip().equals("-- @schema")) {
                section = schema;
                continue;
            }
            if (line.strip().equals("-- @target")) {
                section = target;
                continue;
            }
            if (line.strip().equals("-- @migration")) {
                section = migration;
                migrationLine = n + 1;
                continue;
            }
            if (section != null) {
                section.append(line).append('\n');
                continue;
            }
            String h = line.strip();
            if (h.startsWith("-- case:")) {
                name = h.substring(8).strip();
            } else if (h.startsWith("-- pg:")) {
                pg = number(file, n, h.substring(6).strip());
            } else if (h.startsWith("-- rows:")) {
                for (String part : h.substring(8).split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    int eq = part.lastIndexOf('=');
                    if (eq < 0) {
                        throw new InvalidInputException(file, n, 1, "rows entry '" + part.strip()
                                + "' is not name=count", null);
                    }
                    rows.put(part.substring(0, eq).strip(), (long) number(file, n, part.substring(eq + 1).strip()));
                }
            } else if (h.startsWith("-- expect:")) {
                String v = h.substring(10).strip();
                if (!v.equals("safe") && !v.equals("unsafe")) {
                    throw new InvalidInputException(file, n, 1, "expect must be safe or unsafe", null);
                }
                safe = v.equals("safe");
            } else if (h.startsWith("-- hazards:")) {
                for (String c : h.substring(11).split(",")) {
                    if (!c.isBlank()) {
                        Category cat = Category.fromId(c.strip());
                        if (cat == null) {
                            throw new InvalidInputException(file, n, 1, "unknown hazard category '" + c.strip()
                                    + "'", null);
                        }
                        hazards.add(cat);
                    }
                }
            } else if (h.startsWith("-- tx:")) {
                txNone = h.substring(6).strip().equals("none");
            }
        }
        if (safe == null || pg == 0 || migrationLine == 0) {
            throw new InvalidInputException(file, "missing -- expect:, -- pg: or -- @migration", null);
        }
        return new CorpusCase(name, pg, rows, safe, hazards, txNone, schema.toString(), migration.toString(),
                migrationLine, target.toString());
    }

    private static int number(Path file, int line, String text) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text.replace("_", "")));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file, line, 1, "'" + text + "' is not a number", null);
        }
    }
}
