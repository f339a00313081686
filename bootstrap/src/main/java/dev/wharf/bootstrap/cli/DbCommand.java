package dev.wharf.bootstrap.cli;

import dev.wharf.adapters.out.jdbi.FlywayMigrations;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.wiring.MetadataDatabase;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code db migrate <config>} applies pending schema migrations; {@code db status <config>} reports them. */
public final class DbCommand extends ConfiguredCommand<WharfConfiguration> {
    public DbCommand() {
        super("db", "Migrates the metadata database (db migrate <config>) or reports its schema (db status <config>)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "status").help("migrate or status");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<WharfConfiguration> bootstrap, Namespace namespace, WharfConfiguration configuration)
            throws Exception {
        MetadataDatabase.requireReachable(configuration.getDatabase());
        ManagedDataSource dataSource = configuration.getDatabase().build(bootstrap.getMetricRegistry(), "migrations");
        try {
            FlywayMigrations migrations = new FlywayMigrations(dataSource);
            if ("migrate".equals(namespace.getString("action"))) {
                int applied = migrations.migrate();
                System.out.println("Applied " + applied + " migration" + (applied == 1 ? "" : "s") + "; schema version "
                        + migrations.currentVersion());
            } else {
                System.out.println("Schema version " + migrations.currentVersion() + ", " + migrations.pendingCount()
                        + " pending");
            }
        } finally {
            dataSource.stop();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!OneLineErrors.print(cli, namespace, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
