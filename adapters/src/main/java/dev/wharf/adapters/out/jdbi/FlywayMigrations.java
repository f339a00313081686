package dev.wharf.adapters.out.jdbi;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** The metadata schema's migrations, from {@code db/migration} on the class path. */
public final class FlywayMigrations {
    private final Flyway flyway;

    public FlywayMigrations(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies every pending migration; returns how many ran. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** Migrations that are known but not yet applied. */
    public int pendingCount() {
        return flyway.info().pending().length;
    }

    /** The schema version applied, or "none". */
    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }
}
