package dev.wharf.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A private schema {@code wharf_test_<hex>} on the JVM's PostgreSQL server, dropped with CASCADE on close. */
final class PostgresTestDatabase implements TestDatabase {
    private final PostgresServer server;
    private final String schema;
    private final String jdbcUrl;
    private final PGSimpleDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresTestDatabase(PostgresServer server, String schema) {
        this.server = server;
        this.schema = schema;
        this.jdbcUrl = PostgresServer.withCurrentSchema(server.url(), schema);
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
    }

    static PostgresTestDatabase create(PostgresServer server) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String schema = "wharf_test_" + HexFormat.of().formatHex(random);
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " on " + server, e);
        }
        return new PostgresTestDatabase(server, schema);
    }

    /** The private schema's name (lower case, needs no quoting). */
    String schema() {
        return schema;
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return server.username();
    }

    @Override
    public String password() {
        return server.password();
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
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            // A connection left open in a transaction would otherwise block the drop forever.
            statement.execute("SET lock_timeout = '10s'");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            System.err.println("[wharf-test] could not drop schema " + schema + " on " + server + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + jdbcUrl + ", user " + server.username() + "]";
    }
}
