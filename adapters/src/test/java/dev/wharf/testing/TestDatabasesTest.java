package dev.wharf.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDatabasesTest {

    @Test
    void twoH2DatabasesDoNotShareTables() throws SQLException {
        try (TestDatabase first = TestDatabases.h2();
                TestDatabase second = TestDatabases.h2()) {
            execute(first.dataSource(), "CREATE TABLE probe (id INT)");

            assertThat(first.engine()).isEqualTo("h2");
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
            assertThat(hasTable(first.dataSource(), "probe")).isTrue();
            assertThat(hasTable(second.dataSource(), "probe")).isFalse();
        }
    }

    @Test
    void twoPostgresSchemasDoNotShareTables() throws SQLException {
        try (TestDatabase first = TestDatabases.postgres();
                TestDatabase second = TestDatabases.postgres()) {
            execute(first.dataSource(), "CREATE TABLE probe (id INT)");

            assertThat(first.engine()).isEqualTo("postgres");
            assertThat(hasTable(first.dataSource(), "probe")).isTrue();
            assertThat(hasTable(second.dataSource(), "probe")).isFalse();
        }
    }

    @Test
    void postgresTablesLandInThePrivateSchema() throws SQLException {
        try (TestDatabase database = TestDatabases.postgres()) {
            execute(database.dataSource(), "CREATE TABLE probe (id INT)");
            String schema = currentSchema(database.dataSource());

            assertThat(schema).startsWith("wharf_test_");
            assertThat(database.jdbcUrl()).contains("currentSchema=" + schema);
            assertThat(tableSchemaOf(database.dataSource(), "probe")).isEqualTo(schema);
        }
    }

    @Test
    void closingAPostgresDatabaseDropsItsSchema() throws SQLException {
        try (TestDatabase observer = TestDatabases.postgres()) {
            TestDatabase database = TestDatabases.postgres();
            execute(database.dataSource(), "CREATE TABLE probe (id INT)");
            String schema = currentSchema(database.dataSource());
            assertThat(schemaExists(observer.dataSource(), schema)).isTrue();

            database.close();

            assertThat(schemaExists(observer.dataSource(), schema)).isFalse();
        }
    }

    @Test
    void flywayMigratesIntoThePrivateSchema(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__probe.sql"), "CREATE TABLE probe (id INT);");
        try (TestDatabase database = TestDatabases.postgres()) {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            String schema = currentSchema(database.dataSource());

            assertThat(tableSchemaOf(database.dataSource(), "probe")).isEqualTo(schema);
            assertThat(tableSchemaOf(database.dataSource(), "flyway_schema_history"))
                    .isEqualTo(schema);
        }
    }

    @Test
    void theUnavailableMessageSaysHowToStartPostgres() {
        String message = PostgresServer.unavailableMessage(List.of("jdbc:postgresql://127.0.0.1:5432/test: refused"));

        assertThat(message)
                .contains("PostgreSQL is required")
                .contains("refused")
                .contains("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
                .contains("WHARF_TEST_POSTGRES_URL")
                .contains("Docker");
    }

    @Test
    void aConfiguredUrlLosesItsCredentialsAndGainsTheSchema() {
        String configured = "jdbc:postgresql://db:5432/wharf?user=alice&ssl=false&password=s%26cret&currentSchema=x";

        assertThat(PostgresServer.queryParameters(configured))
                .containsEntry("user", "alice")
                .containsEntry("password", "s&cret");
        String url = PostgresServer.withoutParameters(configured, Set.of("user", "password"));
        assertThat(url).isEqualTo("jdbc:postgresql://db:5432/wharf?ssl=false&currentSchema=x");
        assertThat(PostgresServer.withCurrentSchema(url, "wharf_test_1"))
                .isEqualTo("jdbc:postgresql://db:5432/wharf?ssl=false&currentSchema=wharf_test_1");
        assertThat(PostgresServer.withCurrentSchema("jdbc:postgresql://db/wharf", "s"))
                .isEqualTo("jdbc:postgresql://db/wharf?currentSchema=s");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean hasTable(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT * FROM " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String currentSchema(DataSource dataSource) throws SQLException {
        return queryString(dataSource, "SELECT current_schema()");
    }

    /**
     * The schema of {@code table}: the private one or {@code public}. Other tests, in this JVM or another build on the
     * same server, may have a table of that name in their own private schemas at the same moment.
     */
    private static String tableSchemaOf(DataSource dataSource, String table) throws SQLException {
        return queryString(
                dataSource,
                "SELECT table_schema FROM information_schema.tables WHERE table_name = ?"
                        + " AND table_schema IN (current_schema(), 'public') ORDER BY table_schema = 'public' DESC",
                table);
    }

    private static boolean schemaExists(DataSource dataSource, String schema) throws SQLException {
        return queryString(dataSource, "SELECT nspname FROM pg_namespace WHERE nspname = ?", schema) != null;
    }

    private static String queryString(DataSource dataSource, String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
