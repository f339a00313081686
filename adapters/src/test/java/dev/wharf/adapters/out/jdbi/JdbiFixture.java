package dev.wharf.adapters.out.jdbi;

import dev.wharf.adapters.out.jdbi.activity.JdbiJobActivityQueries;
import dev.wharf.adapters.out.jdbi.audit.JdbiAuditLog;
import dev.wharf.adapters.out.jdbi.credential.JdbiCredentialRepository;
import dev.wharf.adapters.out.jdbi.credential.JdbiPasswordResetLeases;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.metrics.JdbiMetricsQueries;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.adapters.out.jdbi.ratelimit.JdbiRateLimiter;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiProvisioningQueue;
import dev.wharf.adapters.out.jdbi.warehouse.JdbiWarehouseRepository;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookDeliveries;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookOutbox;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookSubscriptions;
import dev.wharf.adapters.out.jdbi.webhook.SecretBox;
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
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

/** The JDBI repositories over a fresh, migrated H2 or PostgreSQL database. */
public final class JdbiFixture implements PersistenceFixture {
    /** Seals the webhook secrets the contracts store: a fixed key, as a server has one. */
    static final SecretBox SECRET_BOX = new SecretBox(new byte[32]);

    private final TestDatabase database;
    private final Jdbi jdbi;
    /** One, as the application has one: what it remembers between reads is under test too. */
    private final UsageQueries usage;

    private JdbiFixture(TestDatabase database) {
        this.database = database;
        new FlywayMigrations(database.dataSource()).migrate();
        this.jdbi = WharfJdbi.create(database.dataSource());
        this.usage = new JdbiUsageQueries(jdbi);
    }

    public static JdbiFixture h2() {
        return new JdbiFixture(TestDatabases.h2());
    }

    public static JdbiFixture postgres() {
        return new JdbiFixture(TestDatabases.postgres());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public TransactionRunner transactions() {
        return new JdbiTransactionRunner(jdbi);
    }

    @Override
    public WarehouseRepository warehouses() {
        return new JdbiWarehouseRepository(jdbi);
    }

    @Override
    public CredentialRepository credentials() {
        return new JdbiCredentialRepository(jdbi);
    }

    @Override
    public PasswordResetLeases resetLeases() {
        return new JdbiPasswordResetLeases(jdbi);
    }

    @Override
    public OrganizationRepository organizations() {
        return new JdbiOrganizationRepository(jdbi);
    }

    @Override
    public ProjectRepository projects() {
        return new JdbiProjectRepository(jdbi);
    }

    @Override
    public UserRepository users() {
        return new JdbiUserRepository(jdbi);
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return new JdbiApiKeyRepository(jdbi);
    }

    @Override
    public SourceRepository sources() {
        return new JdbiSourceRepository(jdbi);
    }

    @Override
    public JobRepository jobs() {
        return new JdbiJobRepository(jdbi);
    }

    @Override
    public JobActivityQueries jobActivity() {
        return new JdbiJobActivityQueries(jdbi);
    }

    @Override
    public UsageQueries usage() {
        return usage;
    }

    @Override
    public MetricsQueries metricsQueries() {
        return new JdbiMetricsQueries(jdbi);
    }

    @Override
    public WebhookSubscriptions webhookSubscriptions() {
        return new JdbiWebhookSubscriptions(jdbi, SECRET_BOX);
    }

    @Override
    public WebhookOutbox webhookOutbox() {
        return new JdbiWebhookOutbox(jdbi);
    }

    @Override
    public WebhookDeliveries webhookDeliveries() {
        return new JdbiWebhookDeliveries(jdbi);
    }

    @Override
    public AuditLog auditLog() {
        return new JdbiAuditLog(jdbi);
    }

    @Override
    public RateLimiter rateLimiter() {
        return new JdbiRateLimiter(jdbi);
    }

    /** A limiter on its own Jdbi over the same database: its calls use their own connections. */
    @Override
    public RateLimiter rateLimiterOfAnotherInstance() {
        return new JdbiRateLimiter(WharfJdbi.create(database.dataSource()));
    }

    @Override
    public int rateLimitWindows(ProjectId project) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT COUNT(*) FROM rate_limit_window WHERE project_id = :projectId")
                        .bind("projectId", project.value())
                        .mapTo(Integer.class)
                        .one());
    }

    @Override
    public void givenKeyStoredByPlainSha256(ApiKey key) {
        apiKeys().insert(key);
        int marked = jdbi.withHandle(
                handle -> handle.createUpdate("UPDATE personal_api_key SET plain_sha256 = TRUE WHERE id = :id")
                        .bind("id", key.id().value())
                        .execute());
        if (marked != 1) {
            throw new IllegalStateException("no api key " + key.id());
        }
    }

    @Override
    public ProvisioningQueue provisioningQueue() {
        return new JdbiProvisioningQueue(jdbi);
    }

    @Override
    public void close() {
        database.close();
    }
}
