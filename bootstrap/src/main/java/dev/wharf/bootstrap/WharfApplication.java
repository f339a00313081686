package dev.wharf.bootstrap;

import dev.wharf.adapters.in.rest.JsonSettings;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.provisioning.AbandonedLeases;
import dev.wharf.bootstrap.cli.AdminCommands;
import dev.wharf.bootstrap.cli.DbCommand;
import dev.wharf.bootstrap.cli.DevCommand;
import dev.wharf.bootstrap.cli.GenerateCommand;
import dev.wharf.bootstrap.cli.WharfCheckCommand;
import dev.wharf.bootstrap.cli.WharfServerCommand;
import dev.wharf.bootstrap.config.ClasspathOrFileSourceProvider;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.dev.DevMode;
import dev.wharf.bootstrap.dev.H2Recovery;
import dev.wharf.bootstrap.wiring.Engines;
import dev.wharf.bootstrap.wiring.MetadataDatabase;
import dev.wharf.bootstrap.wiring.MetricsWiring;
import dev.wharf.bootstrap.wiring.StatementNames;
import dev.wharf.bootstrap.wiring.WireLogGuard;
import dev.wharf.bootstrap.wiring.Wiring;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Wharf server: {@code server <config>}, {@code dev}, {@code db migrate <config>}, {@code check <config>}, and the
 * operator's {@code org}, {@code project}, {@code user} and {@code key} commands.
 */
public class WharfApplication extends Application<WharfConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(WharfApplication.class);

    public static void main(String[] args) throws Exception {
        new WharfApplication().run(args);
    }

    @Override
    public String getName() {
        return "wharf";
    }

    @Override
    public void initialize(Bootstrap<WharfConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new ClasspathOrFileSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DevCommand(this));
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new GenerateCommand(System.out));
        AdminCommands.addTo(bootstrap, System.out);
    }

    @Override
    protected void addDefaultCommands(Bootstrap<WharfConfiguration> bootstrap) {
        bootstrap.addCommand(new WharfServerCommand(this));
        bootstrap.addCommand(new WharfCheckCommand(this));
    }

    @Override
    public void run(WharfConfiguration configuration, Environment environment) {
        WireLogGuard.install();
        // Dev mode's key is checked before anything is started: a key it refuses stops the start with one line, and
        // leaves no half-made warehouse server (an initdb running on after Wharf exits) behind.
        DevMode devMode = configuration.getDev() == null ? null : new DevMode(configuration.getDev());
        ApiKeySecret devKey = devMode == null ? null : devMode.resolveKey();
        KeyHashingSecret hashing = configuration.getAuth().keyHashingSecret();
        JsonSettings.apply(environment.getObjectMapper());
        H2Recovery.prepare(configuration.getDatabase(), environment.lifecycle());
        ManagedDataSource dataSource = MetadataDatabase.withoutStatementFacades(
                configuration.getDatabase().build(environment.metrics(), "metadata"));
        MetadataDatabase.prepare(
                configuration.getDatabase(),
                dataSource,
                configuration.isMigrateOnStart(),
                "`java -jar wharf.jar db migrate <config>` first");
        // Dropwizard's automatic SQL comments run a template lexer over every statement; the statements' timers on the
        // admin port already name each one.
        configuration.getDatabase().setAutoCommentsEnabled(false);
        Jdbi jdbi = WharfJdbi.configure(new JdbiFactory(new StatementNames())
                .build(environment, configuration.getDatabase(), dataSource, "metadata"));
        Wiring wiring = new Wiring(
                jdbi,
                hashing,
                Duration.ofMillis(configuration.getAccessCacheTtl().toMilliseconds()));
        WarehouseEngine engine = Engines.create(configuration.getEngine(), environment.lifecycle());
        Metrics metrics = MetricsWiring.serve(environment, jdbi, engine.name());
        EventPublisher events =
                wiring.serveWebhooks(environment, configuration.getWebhooks(), metrics, ownPorts(configuration));
        wiring.serve(
                environment, engine, configuration.getProvisioning(), configuration.getRateLimit(), metrics, events);
        wiring.serveJobs(
                environment, configuration.getJobs(), configuration.getBilling().build(Wiring.CLOCK), metrics, events);

        if (H2Recovery.fileOf(configuration.getDatabase().getUrl()).isPresent()) {
            freeAbandonedLeases(wiring.abandonedLeases());
        }
        if (devMode != null) {
            ApiKeySecret key = devKey;
            devMode.setUp(wiring.devEnvironment(), key);
            devMode.retireH2Warehouses(wiring.retiredEngine());
            environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
                @Override
                public void serverStarted(Server server) {
                    DevMode.announce(System.out, key, getLocalPort(server), getAdminPort(server), devMode.keyFile());
                }
            });
        }
    }

    /**
     * An H2 metadata file (dev mode's) is open in this process only (H2 locks it), so every lease in it was left by a
     * Wharf that died: its warehouses resume at once, and its unfinished password resets show in their status. Never
     * on a database other instances may share.
     */
    private static void freeAbandonedLeases(AbandonedLeases leases) {
        AbandonedLeases.Freed freed;
        try {
            freed = leases.free();
        } catch (RuntimeException e) {
            LOG.warn("Could not free the leases a stopped Wharf left; they run out on their own: {}", e.getMessage());
            return;
        }
        if (freed.any()) {
            LOG.info(
                    "Resuming {} warehouse(s) and {} webhook delivery(ies), and marking {} unfinished password reset(s),"
                            + " left by a Wharf that stopped without finishing them",
                    freed.claims(),
                    freed.deliveries(),
                    freed.resets());
        }
    }

    /** The ports Wharf listens on, as configured (0, any free port, is left out: it is not known yet). */
    private static Set<Integer> ownPorts(WharfConfiguration configuration) {
        Set<Integer> ports = new HashSet<>();
        if (configuration.getServerFactory() instanceof DefaultServerFactory server) {
            for (ConnectorFactory connector : server.getApplicationConnectors()) {
                if (connector instanceof HttpConnectorFactory http && http.getPort() > 0) ports.add(http.getPort());
            }
            for (ConnectorFactory connector : server.getAdminConnectors()) {
                if (connector instanceof HttpConnectorFactory http && http.getPort() > 0) ports.add(http.getPort());
            }
        }
        return ports;
    }
}
