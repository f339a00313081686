package dev.wharf.testing;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A named in-memory H2 database in PostgreSQL mode; {@code DB_CLOSE_DELAY=-1} keeps it alive until close. */
final class H2TestDatabase implements TestDatabase {
    private static final String USER = "sa";
    private static final String PASSWORD = "";

    private final String jdbcUrl;
    private final JdbcDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    H2TestDatabase(String name) {
        this.jdbcUrl = "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        this.dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
    }

    @Override
    public String engine() {
        return "h2";
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (Exception e) {
            System.err.println("[wharf-test] could not shut down " + jdbcUrl + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "H2TestDatabase[" + jdbcUrl + "]";
    }
}
