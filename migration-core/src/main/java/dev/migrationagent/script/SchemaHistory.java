package dev.migrationagent.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The rows of a target's Flyway schema history, and what Flyway concludes from them about each migration script:
 * applied, changed since applied, failed, or pending.
 *
 * <p>Flyway's rules, followed here: a versioned script is applied when the latest row of its version succeeded (a
 * {@code BASELINE} row also covers every version below it); a repeatable script is matched by description, and only
 * the latest row of that description counts: applied when it succeeded with the script's checksum, changed
 * (Flyway's {@code OUTDATED}, run again on the next migrate) when it succeeded with another one.
 */
public final class SchemaHistory {
    /**
     * One row of the history table.
     *
     * @param installedRank the order in which Flyway applied it
     * @param version the version, or {@code null} for a repeatable script
     * @param description the description, underscores as spaces
     * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA}, {@code DELETE}, {@code UNDO_SQL}, ...
     * @param script the script's file name, relative to its location
     * @param checksum the CRC-32 Flyway computed, or {@code null}
     * @param success whether it succeeded
     */
    public record Row(int installedRank, String version, String description, String type, String script,
            Integer checksum, boolean success) {
        public Row {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(type, "type");
        }
    }

    /** What Flyway makes of a script, given the history. */
    public enum State {
        /** Applied, and unchanged since. */
        APPLIED,
        /** A repeatable script applied with other content: Flyway runs it again after the pending versioned ones. */
        CHANGED,
        /** Its latest run failed: Flyway refuses to migrate until the history is repaired. */
        FAILED,
        /** Not applied yet. */
        PENDING
    }

    private final List<Row> rows;
    // Latest row per version (versioned) and per description (repeatable), Flyway's "latest run".
    // By compareTo, as Flyway compares versions: 1.0 is 1.
    private final Map<Version, Row> versions = new TreeMap<>();
    private final Map<String, Row> repeatables = new HashMap<>();
    private Version baseline;

    /** The history of these rows, in any order. */
    public SchemaHistory(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : this.rows) {
            String type = r.type().toUpperCase(Locale.ROOT);
            // DELETE rows (Flyway Teams' repair) and the SCHEMA marker (version 0) describe no script.
            if (type.equals("DELETE") || type.equals("SCHEMA")) {
                continue;
            }
            if (r.version() == null) {
                repeatables.merge(r.description(), r, SchemaHistory::later);
                continue;
            }
            Version v = Version.parse(r.version());
            if (v == null) {
                continue;
            }
            if (type.equals("BASELINE") && r.success() && (baseline == null || v.compareTo(baseline) > 0)) {
                baseline = v;
            }
            versions.merge(v, r, SchemaHistory::later);
        }
    }

    private static Row later(Row a, Row b) {
        return a.installedRank() >= b.installedRank() ? a : b;
    }

    /** Every row, as read. */
    public List<Row> rows() {
        return rows;
    }

    /** The number of versions the history lists as applied (a baseline counts once). */
    public long appliedVersions() {
        return versions.values().stream().filter(SchemaHistory::applied).count();
    }

    /** The number of repeatable scripts whose latest run succeeded. */
    public long appliedRepeatables() {
        return repeatables.values().stream().filter(Row::success).count();
    }

    /** The newest version the history lists as applied, a baseline's included; {@code null} when there is none. */
    public Version newestAppliedVersion() {
        Version newest = baseline;
        for (Map.Entry<Version, Row> e : versions.entrySet()) {
            if (applied(e.getValue()) && (newest == null || e.getKey().compareTo(newest) > 0)) {
                newest = e.getKey();
            }
        }
        return newest;
    }

    /** Flyway's view of {@code script}. */
    public State state(MigrationScript script) {
        if (script.repeatable()) {
            Row r = repeatables.get(script.description());
            if (r == null) {
                return State.PENDING;
            }
            if (!r.success()) {
                return State.FAILED;
            }
            return matches(script, r.checksum()) ? State.APPLIED : State.CHANGED;
        }
        Row r = versions.get(script.version());
        if (r == null) {
            return baseline != null && script.version().compareTo(baseline) <= 0 ? State.APPLIED : State.PENDING;
        }
        if (!r.success()) {
            return State.FAILED;
        }
        return applied(r) ? State.APPLIED : State.PENDING;
    }

    /** The checksum the history recorded for {@code script}'s latest run, or {@code null}. */
    public Integer recordedChecksum(MigrationScript script) {
        Row r = script.repeatable() ? repeatables.get(script.description()) : versions.get(script.version());
        return r == null ? null : r.checksum();
    }

    /**
     * Whether a versioned script applied with another checksum than its file has now: Flyway's validate then
     * refuses to migrate ("checksum mismatch").
     */
    public boolean checksumMismatch(MigrationScript script) {
        if (script.repeatable() || state(script) != State.APPLIED) {
            return false;
        }
        Row r = versions.get(script.version());
        // A row without checksum (BASELINE, or below a baseline) has nothing to compare.
        String raw = raw(script);
        return r != null && r.checksum() != null && r.type().toUpperCase(Locale.ROOT).equals("SQL") && raw != null
                && r.checksum() != checksum(raw);
    }

    private static boolean applied(Row r) {
        return r.success() && !r.type().toUpperCase(Locale.ROOT).startsWith("UNDO");
    }

    /**
     * Flyway computes a repeatable script's checksum after replacing placeholders, and also accepts the checksum
     * of the file as written (its "equivalent checksum").
     */
    private static boolean matches(MigrationScript script, Integer recorded) {
        if (recorded == null) {
            return false;
        }
        String raw = raw(script);
        return recorded == checksum(script.sql()) || (raw != null && recorded == checksum(raw));
    }

    /** The file as written, before placeholders; {@code null} for an in-memory script or one gone since read. */
    private static String raw(MigrationScript script) {
        if (script.file() == null) {
            return null;
        }
        try {
            return Files.readString(script.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Flyway's checksum of a script's text: the CRC-32 of its lines' UTF-8 bytes without line breaks, so it does not
     * depend on the line ending, as a signed int.
     */
    public static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }
}
