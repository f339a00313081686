package dev.wharf.application.service;

import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryProvisioningQueue;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEvents;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.ratelimit.RateLimitPolicy;
import dev.wharf.application.service.provisioning.ProvisioningSettings;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.application.service.warehouse.PasswordResetService;
import dev.wharf.application.service.warehouse.PasswordResetTiming;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What the warehouse use-case tests of the application and of the JDBI adapter set up alike, over any store. */
public final class ServiceFixtures {
    private ServiceFixtures() {}

    /** Project {@code project} in an organization of its own, and an admin of it with every scope. */
    public static Actor givenAdmin(PersistenceFixture store, long project, Instant at) {
        Project stored = store.givenProject(project);
        User user = store.givenUser("admin@example.com");
        store.organizations()
                .saveMembership(new Membership(stored.organizationId(), user.id(), OrganizationRole.ADMIN, at));
        return new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());
    }

    /** A warehouse that is ready, with its login stored and its database made in {@code engine}. */
    public static void givenReadyWarehouse(
            PersistenceFixture store,
            InMemoryWarehouseEngine engine,
            ProjectId project,
            DatabaseName name,
            Instant at) {
        Warehouse ready = Warehouse.provision(Optional.empty(), project, name, at)
                .startProvisioning(at)
                .markReady(at);
        store.warehouses().insert(ready);
        store.credentials().save(Credential.forNewWarehouse(project, engine.loginFor(name)));
        engine.provision(name, WarehouseTag.of(ready));
    }

    /** The guard over {@code store}'s rate limiter, audit log and transactions, at the default rate limit. */
    public static ActionGuard guard(PersistenceFixture store, ProjectAccess access, Clock clock) {
        return new ActionGuard(
                access,
                new RateLimitPolicy(store.rateLimiter(), RateLimitPolicy.DEFAULT_PER_MINUTE, clock),
                store.auditLog(),
                clock,
                Metrics.NONE);
    }

    /** The provisioning worker over {@code store}'s warehouses, with an in-memory queue and the default settings. */
    public static ProvisioningWorker worker(PersistenceFixture store, WarehouseEngine engine, Clock clock) {
        return worker(store, engine, clock, Metrics.NONE);
    }

    /** As {@link #worker(PersistenceFixture, WarehouseEngine, Clock)}, counting into {@code metrics}. */
    public static ProvisioningWorker worker(
            PersistenceFixture store, WarehouseEngine engine, Clock clock, Metrics metrics) {
        return new ProvisioningWorker(
                new InMemoryProvisioningQueue(store.warehouses()),
                store.warehouses(),
                engine,
                ProvisioningSettings.defaults(),
                clock,
                "w",
                WarehouseEvents.NONE,
                metrics);
    }

    /** The password reset over {@code store}'s repositories. */
    public static PasswordResetService passwordResets(
            PersistenceFixture store,
            ActionGuard guard,
            WarehouseEngine engine,
            PasswordResetTiming timing,
            Clock clock) {
        return new PasswordResetService(
                guard,
                store.transactions(),
                store.warehouses(),
                store.credentials(),
                store.resetLeases(),
                engine,
                new SecureRandomPasswordGenerator(),
                timing,
                clock,
                EventPublisher.NONE);
    }
}
