package dev.migrationagent.shadow;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

/** Creating and dropping uniquely named scratch databases over an administrative connection. */
final class Scratch {
    /** Every scratch database name starts with this, so leftovers are recognisable. */
    static final String PREFIX = "migration_agent_shadow_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scratch() {}

    static String newName() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return PREFIX + HexFormat.of().formatHex(b).toLowerCase(Locale.ROOT);
    }

    static void create(Connection admin, String name) throws SQLException {
        try (Statement s = admin.createStatement()) {
            // template0: the scratch starts from a pristine catalog whatever someone put in template1.
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        }
    }

    static void drop(Connection admin, String name) throws SQLException {
        // A trace that failed mid-way may still hold a session; DROP DATABASE refuses while one is connected.
        try (PreparedStatement p = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    // drain
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    static int majorVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }
}
