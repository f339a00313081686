package dev.wharf.bootstrap;

import dev.wharf.adapters.out.jdbi.FlywayMigrations;
import dev.wharf.bootstrap.dev.DevDataDirectory;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** Dev mode's metadata made without starting dev mode: a migrated, empty H2 database where dev mode keeps it. */
public final class DevData {
    private DevData() {}

    public static DevDataDirectory migratedIn(Path directory) {
        DevDataDirectory data = new DevDataDirectory(directory);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(data.metadataUrl());
        dataSource.setUser("sa");
        dataSource.setPassword("");
        new FlywayMigrations(dataSource).migrate();
        return data;
    }
}
