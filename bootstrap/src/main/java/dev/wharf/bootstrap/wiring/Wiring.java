package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.rest.PingResource;
import dev.wharf.adapters.in.rest.SchemaResource;
import dev.wharf.adapters.in.rest.account.CurrentUserResource;
import dev.wharf.adapters.in.rest.account.ProjectListResource;
import dev.wharf.adapters.in.rest.auth.ApiAuth;
import dev.wharf.adapters.in.rest.warehouse.WarehouseResource;
import dev.wharf.adapters.in.web.ConsoleFiles;
import dev.wharf.adapters.in.web.ConsoleResource;
import dev.wharf.adapters.in.web.SecurityHeadersFilter;
import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.credential.JdbiCredentialRepository;
import dev.wharf.adapters.out.jdbi.credential.JdbiPasswordResetLeases;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiProvisioningQueue;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiWarehouseRepository;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookDeliveries;
import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.in.dev.DevEnvironmentSetup;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.account.CurrentUserService;
import dev.wharf.application.service.account.ProjectListingService;
import dev.wharf.application.service.auth.ApiKeyAuthenticationService;
import dev.wharf.application.service.dev.DevEnvironmentService;
import dev.wharf.application.service.provisioning.AbandonedLeases;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.application.service.provisioning.RetiredEngineService;
import dev.wharf.application.service.provisioning.WarehouseCheckService;
import dev.wharf.application.service.warehouse.PasswordResetService;
import dev.wharf.application.service.warehouse.PasswordResetTiming;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.application.service.webhook.WarehouseStateEvents;
import dev.wharf.bootstrap.background.WarehouseCheckLoop;
import dev.wharf.bootstrap.background.WorkerLoop;
import dev.wharf.bootstrap.config.JobsConfiguration;
import dev.wharf.bootstrap.config.RateLimitConfiguration;
import dev.wharf.bootstrap.config.WebhooksConfiguration;
import dev.wharf.bootstrap.config.WorkerConfiguration;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.project.KeyHashingSecret;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds Wharf by hand: adapters, then services, then resources. A wiring mistake is a compile error, and the inner
 * layers stay free of injection annotations.
 */
public final class Wiring {
    /** Microsecond ticks: PostgreSQL keeps microseconds, so what is stored reads back equal. */
    public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final CredentialRepository credentials;
    private final JdbiProjectRepository projects;
    private final JdbiOrganizationRepository organizations;
    private final JdbiApiKeyRepository apiKeys;
    private final ProjectAccess access;
    private final KeyHashingSecret hashing;
    private final Duration accessCacheTtl;

    public Wiring(Jdbi jdbi, KeyHashingSecret hashing, Duration accessCacheTtl) {
        this.hashing = hashing;
        this.accessCacheTtl = accessCacheTtl;
        this.jdbi = jdbi;
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.warehouses = new JdbiWarehouseRepository(jdbi);
        this.credentials = new JdbiCredentialRepository(jdbi);
        this.projects = new JdbiProjectRepository(jdbi);
        this.organizations = new JdbiOrganizationRepository(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
        this.access = new ProjectAccess(projects, organizations, accessCacheTtl, CLOCK);
    }

    public RetiredEngineService retiredEngine() {
        return new RetiredEngineService(transactions, warehouses, CLOCK);
    }

    public AbandonedLeases abandonedLeases() {
        return new AbandonedLeases(
                transactions,
                new JdbiProvisioningQueue(jdbi),
                new JdbiPasswordResetLeases(jdbi),
                new JdbiWebhookDeliveries(jdbi),
                CLOCK);
    }

    public DevEnvironmentSetup devEnvironment() {
        return new DevEnvironmentService(
                transactions, organizations, projects, new JdbiUserRepository(jdbi), apiKeys, hashing, CLOCK);
    }

    /**
     * The API, the engine and the provisioning worker, registered with the environment's lifecycle; the management
     * actions go through the rate limit and the audit log (see {@link AuditWiring}).
     */
    public void serve(
            Environment environment,
            WarehouseEngine engine,
            WorkerConfiguration worker,
            RateLimitConfiguration rateLimit,
            Metrics metrics,
            EventPublisher events) {
        WarehouseRepository warehouses = new WarehouseStateEvents(this.warehouses, transactions, events);
        WarehouseCheckLoop check = new WarehouseCheckLoop(
                new WarehouseCheckService(transactions, warehouses, engine, CLOCK),
                new LoggedWarehouseEvents(),
                worker.checkInterval());
        environment.lifecycle().manage(check);
        environment.healthChecks().register("engine-" + engine.name(), new WarehouseEngineHealthCheck(engine, check));
        WorkerLoop loop = new WorkerLoop(
                new ProvisioningWorker(
                        new JdbiProvisioningQueue(jdbi),
                        warehouses,
                        engine,
                        worker.toSettings(),
                        CLOCK,
                        workerId(),
                        new LoggedWarehouseEvents(),
                        metrics),
                worker.idle(),
                CLOCK);
        environment.lifecycle().manage(loop);

        JerseyEnvironment jersey = environment.jersey();
        ErrorWiring.register(environment);
        ActionGuard guard = AuditWiring.serve(jersey, jdbi, access, rateLimit, CLOCK, metrics);
        JdbiPasswordResetLeases resetLeases = new JdbiPasswordResetLeases(jdbi);
        WarehouseService lifecycle =
                new WarehouseService(access, guard, transactions, warehouses, credentials, engine, loop::wake, CLOCK);
        PasswordResetService reset = new PasswordResetService(
                guard,
                transactions,
                warehouses,
                credentials,
                resetLeases,
                engine,
                new SecureRandomPasswordGenerator(),
                PasswordResetTiming.coveringEngineCalls(engine.longestPasswordCall()),
                CLOCK,
                events);
        ApiAuth.register(jersey, new ApiKeyAuthenticationService(apiKeys, hashing, accessCacheTtl, CLOCK));
        jersey.register(new WarehouseResource(lifecycle, reset));
        serveAccounts(jersey);
        jersey.register(new SchemaResource());
        jersey.register(new PingResource());
        jersey.register(new ConsoleResource(new ConsoleFiles()));
        jersey.register(new SecurityHeadersFilter());
    }

    /** {@code GET /api/projects/} and {@code GET /api/users/@me/}: what a key reaches, and whose it is. */
    private void serveAccounts(JerseyEnvironment jersey) {
        jersey.register(new ProjectListResource(new ProjectListingService(access, projects)));
        jersey.register(new CurrentUserResource(
                new CurrentUserService(new JdbiUserRepository(jdbi), organizations, projects, apiKeys)));
    }

    /** Sources, job reports, activity, statistics and usage (see {@link JobsWiring}). */
    public void serveJobs(
            Environment environment,
            JobsConfiguration settings,
            BillingSource billing,
            Metrics metrics,
            EventPublisher events) {
        new JobsWiring(jdbi, transactions, access, CLOCK).serve(environment, settings, billing, metrics, events);
    }

    /** Webhooks (see {@link WebhooksWiring}): what the other services publish their events through. */
    public EventPublisher serveWebhooks(
            Environment environment, WebhooksConfiguration config, Metrics metrics, Set<Integer> ownPorts) {
        return WebhooksWiring.serve(
                environment, jdbi, transactions, access, hashing, config, metrics, CLOCK, workerId(), ownPorts);
    }

    /** Names this process in leases: host and pid, plus a random part so a restarted process is a new worker. */
    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
