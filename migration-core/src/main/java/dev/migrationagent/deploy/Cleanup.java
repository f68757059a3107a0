package dev.migrationagent.deploy;

import dev.migrationagent.api.DeployResult.HistoryRow;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the target back into a state a retry can start from after a non-transactional script failed (or its
 * deployer died): drops the INVALID indexes its concurrent builds left, and deletes the {@code success = false}
 * history row Flyway wrote for it (what {@code flyway repair} would delete), so the next attempt runs the script
 * again instead of Flyway refusing to migrate.
 */
final class Cleanup {
    private Cleanup() {}

    /** Index names the script's CREATE INDEX CONCURRENTLY statements create (named ones only). */
    static List<String> concurrentIndexes(List<ParsedStatement> statements) {
        List<String> names = new ArrayList<>();
        for (ParsedStatement s : statements) {
            if (s.statement() instanceof Statement.CreateIndex ci && ci.concurrently() && ci.name() != null) {
                names.add(ci.name());
            }
        }
        return names;
    }

    /**
     * Drops the INVALID indexes named {@code names}, each with {@code DROP INDEX CONCURRENTLY} under a finite lock
     * and statement timeout; returns the qualified names dropped.
     */
    static List<String> dropInvalidIndexes(Connection c, List<String> names, Duration timeout) throws SQLException {
        List<String> dropped = new ArrayList<>();
        if (names.isEmpty()) {
            return dropped;
        }
        List<String> invalid = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT quote_ident(n.nspname) || '.' || quote_ident(x.relname) "
                + "FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = x.relnamespace "
                + "WHERE NOT i.indisvalid AND x.relname = ANY(?) AND pg_catalog.pg_table_is_visible(i.indrelid)")) {
            Array array = c.createArrayOf("text", names.stream().map(Cleanup::unquoted).toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    invalid.add(rs.getString(1));
                }
            }
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT set_config('lock_timeout', '" + timeout.toMillis() + "ms', false), "
                    + "set_config('statement_timeout', '" + timeout.toMillis() + "ms', false)");
            for (String index : invalid) {
                st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
                dropped.add(index);
            }
        }
        return dropped;
    }

    /**
     * Deletes the failed rows of {@code version} (or of the repeatable {@code script}) from the history table
     * {@code table} (SQL text, quoted where needed); returns how many.
     */
    static int deleteFailedRow(Connection c, String table, String version, String script) throws SQLException {
        String sql = "DELETE FROM " + table + " WHERE NOT success AND "
                + (version == null ? "version IS NULL AND script = ?" : "version = ?");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, version == null ? script : version);
            return st.executeUpdate();
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // no history table yet
            }
            throw e;
        }
    }

    /** The history table {@code table} (SQL text), oldest first; empty when it does not exist. */
    static List<HistoryRow> history(Connection c, String table) {
        List<HistoryRow> rows = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT installed_rank, version, script, success FROM " + table + " ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        } catch (SQLException e) {
            // No history table (nothing was ever applied) or the connection is gone: the report says "none".
        }
        return rows;
    }

    private static String unquoted(String name) {
        return QualifiedName.parse(name).name();
    }
}
