package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.rest.activity.ActivityResource;
import dev.wharf.adapters.in.rest.job.JobResource;
import dev.wharf.adapters.in.rest.job.SourceResource;
import dev.wharf.adapters.in.rest.usage.UsageResource;
import dev.wharf.adapters.out.jdbi.activity.JdbiJobActivityQueries;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.activity.JobActivityService;
import dev.wharf.application.service.activity.JobStatsService;
import dev.wharf.application.service.job.FreshnessService;
import dev.wharf.application.service.job.JobService;
import dev.wharf.application.service.job.SourceService;
import dev.wharf.application.service.job.StaleJobService;
import dev.wharf.application.service.usage.CachingBillingSource;
import dev.wharf.application.service.usage.MeteredBillingSource;
import dev.wharf.application.service.usage.TotalRowsStatsService;
import dev.wharf.bootstrap.background.StaleJobLoop;
import dev.wharf.bootstrap.config.JobsConfiguration;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** The jobs feature: sources, job reports, the stale-job loop, activity, statistics and usage. */
final class JobsWiring {
    /** How long starting a job trusts the billing service's last answer for an organization. */
    private static final Duration BILLING_CACHE = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final ProjectAccess access;
    private final Clock clock;

    JobsWiring(Jdbi jdbi, TransactionRunner transactions, ProjectAccess access, Clock clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.access = access;
        this.clock = clock;
    }

    void serve(
            Environment environment,
            JobsConfiguration settings,
            BillingSource unmetered,
            Metrics metrics,
            EventPublisher events) {
        BillingSource billing = new MeteredBillingSource(unmetered, metrics);
        JdbiSourceRepository sources = new JdbiSourceRepository(jdbi);
        JdbiJobRepository jobs = new JdbiJobRepository(jdbi);
        environment
                .lifecycle()
                .manage(new StaleJobLoop(
                        new StaleJobService(
                                transactions,
                                jobs,
                                settings.heartbeatTimeout(),
                                settings.staleBatchSize(),
                                clock,
                                events),
                        new FreshnessService(transactions, sources, events, clock),
                        settings.staleCheckInterval(),
                        metrics));

        SourceService sourceService = new SourceService(access, transactions, sources, clock);
        JdbiUsageQueries usage = new JdbiUsageQueries(jdbi);
        BillingSource cachedBilling = new CachingBillingSource(billing, BILLING_CACHE, clock);
        JobService jobService =
                new JobService(access, transactions, sources, jobs, cachedBilling, usage, clock, metrics, events);
        environment.jersey().register(new SourceResource(sourceService, clock));
        environment.jersey().register(new JobResource(jobService));

        JdbiJobActivityQueries queries = new JdbiJobActivityQueries(jdbi);
        JobActivityService activity = new JobActivityService(access, queries, clock);
        environment.jersey().register(new ActivityResource(activity, new JobStatsService(access, queries, clock)));

        environment
                .jersey()
                .register(new UsageResource(
                        new TotalRowsStatsService(access, billing, usage), environment.getObjectMapper()));
    }
}
