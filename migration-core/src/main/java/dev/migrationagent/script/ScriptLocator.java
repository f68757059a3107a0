package dev.migrationagent.script;

import dev.migrationagent.api.HistoryTable;
import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.api.Listener;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds Flyway SQL migrations in {@code filesystem:} locations and orders them as Flyway does: versioned scripts
 * by version, then repeatable scripts by description.
 */
public final class ScriptLocator {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\n]+)}");

    private ScriptLocator() {}

    /**
     * Reads and orders every migration in the locations.
     *
     * @param baseDir the project directory; relative locations resolve against it
     * @param locations Flyway locations ({@code filesystem:path} or a plain path)
     * @param placeholders placeholder values
     * @param listener receives warnings about ignored files
     * @throws InvalidConfigurationException for a location that is not a filesystem directory
     * @throws InvalidInputException for an unreadable script or a bad {@code .sql.conf}
     */
    public static List<MigrationScript> find(Path baseDir, List<String> locations, Map<String, String> placeholders,
            Listener listener) {
        List<MigrationScript> versioned = new ArrayList<>();
        List<MigrationScript> repeatable = new ArrayList<>();
        Map<String, Path> seenVersions = new HashMap<>();
        for (String location : locations) {
            Path dir = resolve(baseDir, location);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new InvalidConfigurationException("locations", location, "cannot list " + dir + ": "
                        + e.getMessage());
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".sql")) {
                    continue;
                }
                Matcher v = VERSIONED.matcher(name);
                Matcher r = REPEATABLE.matcher(name);
                if (v.matches()) {
                    Version version = Version.parse(v.group(1));
                    if (version == null) {
                        listener.on(Listener.Level.WARN, f + ": '" + v.group(1) + "' is not a Flyway version; "
                                + "file ignored");
                        continue;
                    }
                    Path other = seenVersions.put(version.parts().toString(), f);
                    if (other != null) {
                        throw new InvalidInputException(f, "version " + version + " is also used by " + other
                                + " (Flyway refuses duplicate versions)", null);
                    }
                    versioned.add(read(baseDir, f, version, v.group(2), placeholders));
                } else if (r.matches()) {
                    repeatable.add(read(baseDir, f, null, r.group(1), placeholders));
                } else if (!name.startsWith("U") && !name.startsWith("B")) {
                    listener.on(Listener.Level.WARN, f + ": not named V<version>__<description>.sql or "
                            + "R__<description>.sql; Flyway ignores it, and so does the analysis");
                }
            }
        }
        versioned.sort(Comparator.comparing(MigrationScript::version));
        repeatable.sort(Comparator.comparing(MigrationScript::description));
        List<MigrationScript> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        return all;
    }

    /** Resolves a Flyway location to a directory, refusing classpath and cloud locations we cannot read. */
    public static Path resolve(Path baseDir, String location) {
        String loc = location.trim();
        if (loc.startsWith("classpath:")) {
            throw new InvalidConfigurationException("locations", location, "classpath locations cannot be read "
                    + "before the build packages them; use filesystem:src/main/resources/" + loc.substring(10)
                    .replaceFirst("^/", ""));
        }
        if (loc.matches("^[a-z0-9]+:.*") && !loc.startsWith("filesystem:") && !loc.matches("^[A-Za-z]:\\\\.*")) {
            throw new InvalidConfigurationException("locations", location, "only filesystem: locations are "
                    + "supported");
        }
        Path dir = baseDir.resolve(loc.startsWith("filesystem:") ? loc.substring("filesystem:".length()) : loc)
                .normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidConfigurationException("locations", location, "migration folder " + dir
                    + " does not exist");
        }
        return dir;
    }

    /** Reads one script file, its {@code .sql.conf} and placeholders. */
    public static MigrationScript read(Path baseDir, Path f, Version version, String description,
            Map<String, String> placeholders) {
        String sql;
        try {
            sql = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(f, "not valid UTF-8 (Flyway's default encoding)", null);
        } catch (IOException e) {
            throw new InvalidInputException(f, "cannot read: " + e.getMessage(), null);
        }
        if (sql.startsWith("\uFEFF")) {
            sql = sql.substring(1);
        }
        Map<String, String> values = new java.util.HashMap<>(flywayBuiltIns(baseDir, f));
        values.putAll(placeholders);
        return new MigrationScript(f, relative(baseDir, f), version, description.replace('_', ' '),
                replacePlaceholders(sql, values), executeInTransaction(f));
    }

    /** The path for reports: relative to the base directory when inside it, with forward slashes. */
    public static String relative(Path baseDir, Path f) {
        Path abs = f.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    private static Boolean executeInTransaction(Path script) {
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        if (!Files.exists(conf)) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(conf)));
        } catch (IOException e) {
            throw new InvalidInputException(conf, "cannot read: " + e.getMessage(), null);
        }
        String v = p.getProperty("executeInTransaction");
        if (v == null) {
            return null;
        }
        if (!v.trim().equalsIgnoreCase("true") && !v.trim().equalsIgnoreCase("false")) {
            throw new InvalidInputException(conf, "executeInTransaction must be true or false, not '" + v + "'",
                    null);
        }
        return Boolean.parseBoolean(v.trim());
    }

    /**
     * {@code placeholders} with Flyway's {@code flyway:table} set to the name of its history table, as Flyway sets it
     * from its {@code table} setting; a configured value wins.
     */
    public static Map<String, String> withHistoryTable(Map<String, String> placeholders, HistoryTable table) {
        Map<String, String> out = new HashMap<>(placeholders);
        out.putIfAbsent("flyway:table", table.name());
        return out;
    }

    /**
     * Stand-ins for the placeholders Flyway always defines. Their real values depend on the deploy (user, database);
     * these keep the SQL analyzable, and a configured value wins.
     */
    private static Map<String, String> flywayBuiltIns(Path baseDir, Path file) {
        return Map.of("flyway:defaultSchema", "public", "flyway:user", "flyway", "flyway:database", "postgres",
                "flyway:timestamp", "2000-01-01 00:00:00", "flyway:filename", file.getFileName().toString(),
                "flyway:table", HistoryTable.DEFAULT_NAME, "flyway:workingDirectory", baseDir.toString());
    }

    /** Replaces {@code ${key}} with configured values; unknown placeholders are left for the lexer to mark. */
    static String replacePlaceholders(String sql, Map<String, String> values) {
        if (values.isEmpty() || !sql.contains("${")) {
            return sql;
        }
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
