package dev.wharf.application.port.out;

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
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Every outbound persistence port over one store, as each implementation provides them. Contract tests get a fresh
 * fixture per test and close it afterwards.
 */
public interface PersistenceFixture extends AutoCloseable {
    /** Instants with the precision every store keeps (PostgreSQL: microseconds). */
    Instant T0 = Instant.parse("2026-03-14T09:26:53.589793Z");

    /** The server's key-hashing secret, for the keys the contracts issue: a store keeps digests, never makes them. */
    KeyHashingSecret HASHING =
            KeyHashingSecret.decode("5f0c9e2ab47d13f8e6a1c3b9d2740e5f8a6b1c9d3e7f20a4b58c6d1e9f3a7b02");

    TransactionRunner transactions();

    WarehouseRepository warehouses();

    CredentialRepository credentials();

    PasswordResetLeases resetLeases();

    OrganizationRepository organizations();

    ProjectRepository projects();

    UserRepository users();

    ApiKeyRepository apiKeys();

    SourceRepository sources();

    JobRepository jobs();

    JobActivityQueries jobActivity();

    UsageQueries usage();

    MetricsQueries metricsQueries();

    WebhookSubscriptions webhookSubscriptions();

    WebhookOutbox webhookOutbox();

    WebhookDeliveries webhookDeliveries();

    AuditLog auditLog();

    RateLimiter rateLimiter();

    /** The provisioning worker's queue over this store's warehouses; what it holds lasts as long as the store. */
    ProvisioningQueue provisioningQueue();

    /** Another rate limiter over the same store, as a second Wharf instance behind the same database has. */
    RateLimiter rateLimiterOfAnotherInstance();

    /** How many rate-limit windows the store keeps for {@code project}, to see that old ones are forgotten. */
    int rateLimitWindows(ProjectId project);

    /**
     * Stores {@code key} as Wharf stored every key before keyed digests (migration V9): its {@code secretDigest} is
     * the plain SHA-256 of its secret ({@code ApiKeySecret.plainSha256}), and the store knows the row as such.
     */
    void givenKeyStoredByPlainSha256(ApiKey key);

    @Override
    void close();

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).truncatedTo(ChronoUnit.MICROS);
    }

    /** Stores an organization with one project, for tests that need somewhere to put things. */
    default Project givenProject(long id) {
        Organization organization = new Organization(OrganizationId.random(), "Org of " + id, T0);
        organizations().insert(organization);
        Project project = new Project(ProjectId.of(id), organization.id(), "Project " + id, ZoneOffset.UTC, T0);
        projects().insert(project);
        return project;
    }

    default User givenUser(String email) {
        User user = new User(UserId.random(), email, T0);
        users().insert(user);
        return user;
    }
}
