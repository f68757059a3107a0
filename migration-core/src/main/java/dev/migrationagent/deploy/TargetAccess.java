package dev.migrationagent.deploy;

import dev.migrationagent.api.MigrationAgentException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * How the deploy reaches the target: the facade supplies it, so connection settings and the mapping of connection
 * failures to one-line, password-free errors stay in one place.
 */
public interface TargetAccess {
    /** Opens a connection; read-only ones cannot write, whatever runs on them. */
    Connection open(boolean readOnly) throws SQLException;

    /** The exception to throw for a connection failure: names the setting to fix, never the password. */
    MigrationAgentException failure(SQLException e);

    /** Where the target is, without URL parameters (which may hold a password), and the user. */
    String describe();

    /** A data source over {@link #open(boolean)}, for Flyway, which opens two connections at once. */
    static DataSource dataSource(TargetAccess target, boolean readOnly) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return target.open(readOnly);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                throw new SQLFeatureNotSupportedException("credentials come from the deploy configuration");
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
