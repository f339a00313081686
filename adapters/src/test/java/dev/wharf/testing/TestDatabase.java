package dev.wharf.testing;

import javax.sql.DataSource;

/**
 * A private, empty database for one test (or one test class): a fresh in-memory H2 database or a fresh schema
 * on a PostgreSQL server. Closing it drops everything it created, so tests never see each other's tables.
 */
public interface TestDatabase extends AutoCloseable {

    /** {@code "h2"} or {@code "postgres"}. */
    String engine();

    /**
     * A JDBC URL for Flyway, JDBI or {@code DriverManager}, used together with {@link #username()} and
     * {@link #password()}. For PostgreSQL it carries {@code currentSchema=<private schema>}.
     */
    String jdbcUrl();

    String username();

    /** Possibly empty, never null. */
    String password();

    /** A simple, non-pooling DataSource on {@link #jdbcUrl()}, {@link #username()} and {@link #password()}. */
    DataSource dataSource();

    /** Drops what this database created (H2: SHUTDOWN; PostgreSQL: DROP SCHEMA ... CASCADE). Never throws. */
    @Override
    void close();
}
