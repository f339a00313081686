package dev.wharf.application.fake;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.metrics.MetricsQueries;
import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.application.port.out.ratelimit.RateLimiter;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.application.port.out.webhook.WebhookOutbox;
import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ProjectId;

/** The in-memory repositories over one fresh {@link InMemoryStore}: for contract tests and use-case tests. */
public final class InMemoryFixture implements PersistenceFixture {
    private final InMemoryStore store = new InMemoryStore();
    private final TransactionRunner transactions = new InMemoryTransactionRunner(store);
    private final WarehouseRepository warehouses = new InMemoryWarehouseRepository(store);
    private final CredentialRepository credentials = new InMemoryCredentialRepository(store);
    private final PasswordResetLeases resetLeases = new InMemoryPasswordResetLeases(store);
    private final OrganizationRepository organizations = new InMemoryOrganizationRepository(store);
    private final ProjectRepository projects = new InMemoryProjectRepository(store);
    private final UserRepository users = new InMemoryUserRepository(store);
    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(store);
    private final SourceRepository sources = new InMemorySourceRepository(store);
    private final JobRepository jobs = new InMemoryJobRepository(store);
    private final JobActivityQueries jobActivity = new InMemoryJobActivityQueries(store);
    private final UsageQueries usage = new InMemoryUsageQueries(store);
    private final AuditLog auditLog = new InMemoryAuditLog(store);
    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(store);
    private final ProvisioningQueue provisioningQueue = new InMemoryProvisioningQueue(warehouses);

    public InMemoryStore store() {
        return store;
    }

    @Override
    public TransactionRunner transactions() {
        return transactions;
    }

    @Override
    public WarehouseRepository warehouses() {
        return warehouses;
    }

    @Override
    public CredentialRepository credentials() {
        return credentials;
    }

    @Override
    public PasswordResetLeases resetLeases() {
        return resetLeases;
    }

    @Override
    public OrganizationRepository organizations() {
        return organizations;
    }

    @Override
    public ProjectRepository projects() {
        return projects;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    @Override
    public SourceRepository sources() {
        return sources;
    }

    @Override
    public JobRepository jobs() {
        return jobs;
    }

    @Override
    public JobActivityQueries jobActivity() {
        return jobActivity;
    }

    @Override
    public UsageQueries usage() {
        return usage;
    }

    @Override
    public MetricsQueries metricsQueries() {
        return new InMemoryMetricsQueries(store);
    }

    @Override
    public WebhookSubscriptions webhookSubscriptions() {
        return new InMemoryWebhookSubscriptions(store);
    }

    @Override
    public WebhookOutbox webhookOutbox() {
        return new InMemoryWebhookOutbox(store);
    }

    @Override
    public WebhookDeliveries webhookDeliveries() {
        return new InMemoryWebhookDeliveries(store);
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public ProvisioningQueue provisioningQueue() {
        return provisioningQueue;
    }

    @Override
    public RateLimiter rateLimiterOfAnotherInstance() {
        return new InMemoryRateLimiter(store);
    }

    @Override
    public int rateLimitWindows(ProjectId project) {
        return rateLimiter.windows(project);
    }

    @Override
    public void givenKeyStoredByPlainSha256(ApiKey key) {
        apiKeys.insert(key);
        apiKeys.markStoredByPlainSha256(key.id());
    }

    /** Nothing to release: the store goes with the fixture. */
    @Override
    public void close() {}
}
