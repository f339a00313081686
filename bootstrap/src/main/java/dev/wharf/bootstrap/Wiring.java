package dev.wharf.bootstrap;

import dev.wharf.adapters.in.rest.BodySizeLimitFilter;
import dev.wharf.adapters.in.rest.SchemaResource;
import dev.wharf.adapters.in.rest.activity.ActivityResource;
import dev.wharf.adapters.in.rest.auth.ApiAuth;
import dev.wharf.adapters.in.rest.errors.AccessExceptionMapper;
import dev.wharf.adapters.in.rest.errors.BillingInformationExceptionMapper;
import dev.wharf.adapters.in.rest.errors.DomainExceptionMapper;
import dev.wharf.adapters.in.rest.errors.JsonExceptionMapper;
import dev.wharf.adapters.in.rest.errors.TooLargeExceptionMapper;
import dev.wharf.adapters.in.rest.errors.UnexpectedExceptionMapper;
import dev.wharf.adapters.in.rest.errors.WebApplicationExceptionMapper;
import dev.wharf.adapters.in.rest.job.JobResource;
import dev.wharf.adapters.in.rest.job.SourceResource;
import dev.wharf.adapters.in.rest.usage.UsageResource;
import dev.wharf.adapters.in.rest.warehouse.WarehouseResource;
import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.activity.JdbiJobActivityQueries;
import dev.wharf.adapters.out.jdbi.credential.JdbiCredentialRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiProvisioningQueue;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiWarehouseRepository;
import dev.wharf.application.port.in.dev.SetUpDevEnvironmentUseCase;
import dev.wharf.application.port.out.BillingSource;
import dev.wharf.application.port.out.CredentialRepository;
import dev.wharf.application.port.out.TransactionRunner;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.application.port.out.WarehouseRepository;
import dev.wharf.application.service.ApiKeyAuthenticationService;
import dev.wharf.application.service.DevEnvironmentService;
import dev.wharf.application.service.JobActivityService;
import dev.wharf.application.service.JobService;
import dev.wharf.application.service.JobStatsService;
import dev.wharf.application.service.PasswordResetService;
import dev.wharf.application.service.ProjectAccess;
import dev.wharf.application.service.ProvisioningWorker;
import dev.wharf.application.service.SourceService;
import dev.wharf.application.service.StaleJobService;
import dev.wharf.application.service.TotalRowsStatsService;
import dev.wharf.application.service.WarehouseService;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds Wharf by hand: adapters, then services, then resources. A wiring mistake is a compile error, and the inner
 * layers stay free of injection annotations.
 */
final class Wiring {
    /** Microsecond ticks: PostgreSQL keeps microseconds, so what is stored reads back equal. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final CredentialRepository credentials;
    private final JdbiProjectRepository projects;
    private final JdbiOrganizationRepository organizations;
    private final JdbiApiKeyRepository apiKeys;

    Wiring(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.warehouses = new JdbiWarehouseRepository(jdbi);
        this.credentials = new JdbiCredentialRepository(jdbi);
        this.projects = new JdbiProjectRepository(jdbi);
        this.organizations = new JdbiOrganizationRepository(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
    }

    SetUpDevEnvironmentUseCase devEnvironment() {
        return new DevEnvironmentService(
                transactions, organizations, projects, new JdbiUserRepository(jdbi), apiKeys, CLOCK);
    }

    /** The API, the engine and the provisioning worker, registered with the environment's lifecycle. */
    void serve(Environment environment, WarehouseEngine engine, WorkerConfiguration worker) {
        WorkerLoop loop = new WorkerLoop(
                new ProvisioningWorker(
                        new JdbiProvisioningQueue(jdbi), warehouses, engine, worker.toSettings(), CLOCK, workerId()),
                worker.idle());
        environment.lifecycle().manage(loop);

        ProjectAccess access = new ProjectAccess(projects, organizations);
        WarehouseService lifecycle =
                new WarehouseService(access, transactions, warehouses, credentials, engine, loop::wake, CLOCK);
        PasswordResetService reset = new PasswordResetService(
                access, transactions, warehouses, credentials, engine, new SecureRandomPasswordGenerator(), CLOCK);

        JerseyEnvironment jersey = environment.jersey();
        registerErrorHandling(jersey);
        ApiAuth.register(jersey, new ApiKeyAuthenticationService(apiKeys));
        jersey.register(new WarehouseResource(lifecycle, lifecycle, lifecycle, lifecycle, reset));
        jersey.register(new SchemaResource());
        registerActivity(jersey, access);
    }

    /** running_activity, completed_activity and job_stats: reads only, through their own query port. */
    private void registerActivity(JerseyEnvironment jersey, ProjectAccess access) {
        JdbiJobActivityQueries queries = new JdbiJobActivityQueries(jdbi);
        JobActivityService activity = new JobActivityService(access, queries, CLOCK);
        jersey.register(new ActivityResource(activity, activity, new JobStatsService(access, queries, CLOCK)));
    }

    /** Sources and the job reporting API, and the loop that fails jobs without a heartbeat. */
    void serveJobs(Environment environment, JobsConfiguration settings) {
        JdbiSourceRepository sources = new JdbiSourceRepository(jdbi);
        JdbiJobRepository jobs = new JdbiJobRepository(jdbi);
        environment
                .lifecycle()
                .manage(new StaleJobLoop(
                        new StaleJobService(
                                transactions, jobs, settings.heartbeatTimeout(), settings.staleBatchSize(), CLOCK),
                        settings.staleCheckInterval()));

        ProjectAccess access = new ProjectAccess(projects, organizations);
        SourceService sourceService = new SourceService(access, transactions, sources, CLOCK);
        JobService jobService = new JobService(access, transactions, sources, jobs, CLOCK);
        environment.jersey().register(new SourceResource(sourceService, sourceService, sourceService));
        environment.jersey().register(new JobResource(jobService, jobService, jobService));
    }

    /** total_rows_stats: the billing source's period and tracked rows against the rows the jobs loaded. */
    void serveUsage(Environment environment, BillingSource billing) {
        ProjectAccess access = new ProjectAccess(projects, organizations);
        environment
                .jersey()
                .register(new UsageResource(new TotalRowsStatsService(access, billing, new JdbiUsageQueries(jdbi))));
    }

    private static void registerErrorHandling(JerseyEnvironment jersey) {
        jersey.register(new BodySizeLimitFilter());
        jersey.register(new DomainExceptionMapper());
        jersey.register(new AccessExceptionMapper());
        jersey.register(new BillingInformationExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new TooLargeExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }

    /** Names this process in leases: host and pid, plus a random part so a restarted process is a new worker. */
    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
