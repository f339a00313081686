package dev.wharf.application.fake;

import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shared tables of the in-memory repositories, standing in for one database.
 *
 * <p>One store-wide lock is held for the whole of an outer transaction (and for each call made outside one), so
 * transactions are serialized: stricter than the READ COMMITTED of the JDBI store, and enough for {@code FOR UPDATE}.
 * A transaction starts by copying the tables and puts the copy back when its work throws. The domain values are
 * immutable records, so copying the maps copies the data. Each write checks every constraint before it changes
 * anything, so a refused write leaves the tables as they were, like a failed statement; the constraints the schema
 * declares are enforced here too: primary keys and unique columns, and foreign keys as an
 * {@link IllegalStateException}, as a database refuses a violation.
 */
public final class InMemoryStore {
    /** How long a call waits for another thread's transaction before giving up, as a database's lock timeout. */
    private static final long LOCK_TIMEOUT_SECONDS = 30;

    /**
     * UUIDs in the order PostgreSQL and H2 sort them: byte by byte, unsigned ({@link UUID#compareTo} compares the
     * halves as signed longs).
     */
    static final Comparator<UUID> UUID_ORDER = Comparator.comparing(
                    UUID::getMostSignificantBits, (a, b) -> Long.compareUnsigned(a, b))
            .thenComparing(UUID::getLeastSignificantBits, (a, b) -> Long.compareUnsigned(a, b));

    private final ReentrantLock lock = new ReentrantLock();
    private Tables tables = new Tables();

    /** Runs {@code work} in a transaction, joining the one this thread is already in. */
    <T> T inTransaction(Supplier<T> work) {
        return write(tables -> work.get());
    }

    /** Reads the tables, inside this thread's transaction or on its own. */
    <T> T read(Function<Tables, T> query) {
        acquire();
        try {
            return query.apply(tables);
        } finally {
            lock.unlock();
        }
    }

    /** Changes the tables atomically, inside this thread's transaction or as a transaction of its own. */
    <T> T write(Function<Tables, T> change) {
        acquire();
        try {
            if (lock.getHoldCount() > 1) {
                return change.apply(tables);
            }
            Tables snapshot = tables.copy();
            try {
                return change.apply(tables);
            } catch (RuntimeException | Error e) {
                tables = snapshot;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #write(Function)}, for a change that returns nothing. */
    void change(Consumer<Tables> change) {
        write(t -> {
            change.accept(t);
            return null;
        });
    }

    private void acquire() {
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "lock wait timeout: another transaction held the store for " + LOCK_TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store's lock", e);
        }
    }

    /** The rows, table by table; each map is keyed by its table's primary key. */
    static final class Tables {
        final Map<OrganizationId, Organization> organizations;
        final Map<ProjectId, Project> projects;
        final Map<UserId, User> users;
        final Map<MembershipKey, Membership> memberships;
        final Map<ApiKeyId, ApiKey> apiKeys;
        /** The keys still stored by the plain SHA-256 of their secret (personal_api_key.plain_sha256). */
        final Set<ApiKeyId> plainSha256Keys;

        final Map<ProjectId, Warehouse> warehouses;
        final Map<ProjectId, Credential> credentials;
        final Map<SourceId, Source> sources;
        final Map<JobId, Job> jobs;
        final Map<RateLimitWindowKey, Integer> rateLimitWindows;
        final Map<UUID, AuditEntry> auditLog;
        final Map<ProjectId, ResetLease> resetLeases;
        final Map<WebhookId, WebhookSubscription> webhookSubscriptions;
        final Set<WebhookId> deletedWebhooks;
        final Map<UUID, StoredEvent> webhookEvents;
        final Map<UUID, StoredDelivery> webhookDeliveries;

        Tables() {
            this(
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new HashSet<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new HashSet<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>());
        }

        private Tables(
                Map<OrganizationId, Organization> organizations,
                Map<ProjectId, Project> projects,
                Map<UserId, User> users,
                Map<MembershipKey, Membership> memberships,
                Map<ApiKeyId, ApiKey> apiKeys,
                Set<ApiKeyId> plainSha256Keys,
                Map<ProjectId, Warehouse> warehouses,
                Map<ProjectId, Credential> credentials,
                Map<SourceId, Source> sources,
                Map<JobId, Job> jobs,
                Map<RateLimitWindowKey, Integer> rateLimitWindows,
                Map<UUID, AuditEntry> auditLog,
                Map<ProjectId, ResetLease> resetLeases,
                Map<WebhookId, WebhookSubscription> webhookSubscriptions,
                Set<WebhookId> deletedWebhooks,
                Map<UUID, StoredEvent> webhookEvents,
                Map<UUID, StoredDelivery> webhookDeliveries) {
            this.organizations = organizations;
            this.projects = projects;
            this.users = users;
            this.memberships = memberships;
            this.apiKeys = apiKeys;
            this.plainSha256Keys = plainSha256Keys;
            this.warehouses = warehouses;
            this.credentials = credentials;
            this.sources = sources;
            this.jobs = jobs;
            this.rateLimitWindows = rateLimitWindows;
            this.auditLog = auditLog;
            this.resetLeases = resetLeases;
            this.webhookSubscriptions = webhookSubscriptions;
            this.deletedWebhooks = deletedWebhooks;
            this.webhookEvents = webhookEvents;
            this.webhookDeliveries = webhookDeliveries;
        }

        Tables copy() {
            return new Tables(
                    new LinkedHashMap<>(organizations),
                    new LinkedHashMap<>(projects),
                    new LinkedHashMap<>(users),
                    new LinkedHashMap<>(memberships),
                    new LinkedHashMap<>(apiKeys),
                    new HashSet<>(plainSha256Keys),
                    new LinkedHashMap<>(warehouses),
                    new LinkedHashMap<>(credentials),
                    new LinkedHashMap<>(sources),
                    new LinkedHashMap<>(jobs),
                    new LinkedHashMap<>(rateLimitWindows),
                    new LinkedHashMap<>(auditLog),
                    new LinkedHashMap<>(resetLeases),
                    new LinkedHashMap<>(webhookSubscriptions),
                    new HashSet<>(deletedWebhooks),
                    new LinkedHashMap<>(webhookEvents),
                    new LinkedHashMap<>(webhookDeliveries));
        }

        void requireOrganization(OrganizationId id) {
            requireReference(organizations.containsKey(id), "organization", id);
        }

        void requireProject(ProjectId id) {
            requireReference(projects.containsKey(id), "project", id);
        }

        void requireUser(UserId id) {
            requireReference(users.containsKey(id), "user", id);
        }

        void requireWarehouse(ProjectId id) {
            requireReference(warehouses.containsKey(id), "warehouse of project", id);
        }

        void requireSource(SourceId id, ProjectId project) {
            requireReference(
                    sources.containsKey(id) && sources.get(id).projectId().equals(project), "source", id);
        }

        static void requireNew(boolean taken, String table, Object key) {
            if (taken) {
                throw new IllegalStateException("unique violation: " + table + " " + key + " already exists");
            }
        }

        private static void requireReference(boolean exists, String table, Object key) {
            if (!exists) {
                throw new IllegalStateException("foreign key violation: " + table + " " + key + " does not exist");
            }
        }
    }

    /** The primary key of a membership. */
    record MembershipKey(OrganizationId organizationId, UserId userId) {}

    /** The primary key of a rate-limit counter: a project and the start of a window. */
    record RateLimitWindowKey(ProjectId projectId, Instant windowStart) {}

    /** A password reset's hold on a warehouse: who holds it and until when. */
    record ResetLease(String owner, Instant expiresAt) {}

    /** A webhook event row: its project, its once-key (or null), the payload as sent, when it happened. */
    record StoredEvent(ProjectId projectId, String onceKey, String body, Instant occurredAt) {}

    /** A webhook delivery row with its lease. */
    record StoredDelivery(WebhookDelivery delivery, String leaseOwner, Instant leaseUntil) {}
}
