package soc.tenants.scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Stamps every connection handed out with the thread's {@link TenantScope} in the session setting
 * {@code soc.tenant_scope}, which the row-level security policies read. Pooled connections are re-stamped at
 * every checkout, so a scope can never leak from one use of a connection to the next.
 */
public class TenantScopedDataSource extends DelegatingDataSource {
    private static final String SET_SCOPE = "select set_config('soc.tenant_scope', ?, false)";

    public TenantScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return stamp(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return stamp(super.getConnection(username, password));
    }

    private static Connection stamp(Connection connection) throws SQLException {
        String scope = TenantScope.current();
        try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
            statement.setString(1, scope == null ? "" : scope);
            statement.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
