package dev.wharf.bootstrap.wiring;

import com.codahale.metrics.MetricRegistry;
import dev.wharf.adapters.out.jdbi.FlywayMigrations;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.jdbi.v3.core.Jdbi;

/**
 * Start-up checks of the metadata database: it must answer, and its schema must be current. Dev mode migrates it;
 * production refuses to start on a pending migration, so that schema changes happen when an operator says so.
 */
public final class MetadataDatabase {
    private MetadataDatabase() {}

    /**
     * Opens one plain connection, outside the pool: the pool would log its own failure with a stack trace before the
     * one-line message.
     */
    public static void requireReachable(DataSourceFactory factory) {
        String url = factory.getUrl();
        Properties properties = new Properties();
        properties.putAll(factory.getProperties());
        if (factory.getUser() != null) {
            properties.setProperty("user", factory.getUser());
        }
        if (factory.getPassword() != null) {
            properties.setProperty("password", factory.getPassword());
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!connection.isValid(5)) {
                throw new StartupException("the database at " + redact(url) + " does not answer");
            }
        } catch (SQLException e) {
            throw new StartupException("cannot connect to the database at " + redact(url) + ": " + firstLine(e));
        }
    }

    /**
     * The pool without its statement facades: tomcat-jdbc otherwise wraps every statement and result set in a
     * reflective proxy (so that {@code getStatement()} and {@code getConnection()} return its own objects), and each
     * column read went through it, about a tenth of a running_activity request's CPU. Jdbi closes every statement and
     * result set itself and never asks one for its connection.
     */
    public static ManagedDataSource withoutStatementFacades(ManagedDataSource dataSource) {
        if (dataSource instanceof DataSourceProxy pool) {
            pool.getPoolProperties().setUseStatementFacade(false);
        }
        return dataSource;
    }

    public static void prepare(DataSourceFactory factory, DataSource dataSource, boolean migrate, String migrateHint) {
        requireReachable(factory);
        String url = factory.getUrl();
        FlywayMigrations migrations = new FlywayMigrations(dataSource);
        try {
            if (migrate) {
                migrations.migrate();
                return;
            }
            int pending = migrations.pendingCount();
            if (pending > 0) {
                throw new StartupException("the database at " + redact(url) + " is not migrated (" + pending
                        + " pending migration" + (pending == 1 ? "" : "s") + "): run " + migrateHint);
            }
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException(
                    "cannot check the schema of the database at " + redact(url) + ": " + firstLine(e));
        }
    }

    /** A JDBC URL without anything after a password parameter. */
    /**
     * Opens the configuration's metadata database for a command, refuses it unreachable or unmigrated as the server
     * does (a configuration that migrates on start migrates it), runs {@code work} on it and closes it.
     */
    public static void use(WharfConfiguration configuration, String poolName, Consumer<Jdbi> work) {
        requireReachable(configuration.getDatabase());
        ManagedDataSource dataSource = configuration.getDatabase().build(new MetricRegistry(), poolName);
        try {
            prepare(
                    configuration.getDatabase(),
                    dataSource,
                    configuration.isMigrateOnStart(),
                    "`java -jar wharf.jar db migrate <config>` first");
            work.accept(WharfJdbi.create(dataSource));
        } finally {
            try {
                dataSource.stop();
            } catch (Exception e) {
                // the work is done; a pool that does not close cleanly changes nothing for the operator
            }
        }
    }

    static String redact(String url) {
        return url == null ? "(no url)" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
