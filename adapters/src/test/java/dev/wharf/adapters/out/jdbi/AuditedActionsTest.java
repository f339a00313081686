package dev.wharf.adapters.out.jdbi;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.service.ActionGuard;
import dev.wharf.application.service.PasswordResetService;
import dev.wharf.application.service.ProjectAccess;
import dev.wharf.application.service.RateLimitPolicy;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Password resets on the real repositories: the audit entry of a reset commits with it, and the entry of a reset
 * whose engine call failed survives the rollback of the reset's transaction.
 */
class AuditedActionsTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final DatabaseName NAME = new DatabaseName("analytics");

    abstract static class Contract {
        JdbiFixture store;
        MutableClock clock = new MutableClock(T0);
        InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
        PasswordResetService resets;
        Actor admin;

        abstract JdbiFixture createFixture();

        @BeforeEach
        void setUp() {
            store = createFixture();
            Project project = store.givenProject(1);
            User user = store.givenUser("admin@example.com");
            store.organizations()
                    .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.ADMIN, T0));
            admin = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());
            ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
            ActionGuard guard = new ActionGuard(
                    access,
                    new RateLimitPolicy(store.rateLimiter(), 30, clock),
                    store.auditLog(),
                    store.transactions(),
                    clock);
            resets = new PasswordResetService(
                    guard, store.warehouses(), store.credentials(), engine, new SecureRandomPasswordGenerator(), clock);
            Warehouse ready = Warehouse.provision(Optional.empty(), PROJECT, NAME, T0)
                    .startProvisioning(T0)
                    .markReady(T0);
            store.warehouses().insert(ready);
            store.credentials().save(Credential.forNewWarehouse(PROJECT, engine.loginFor(NAME)));
            engine.provision(NAME);
        }

        @AfterEach
        void tearDown() {
            store.close();
        }

        @Test
        void aResetAndItsEntryCommitTogether() {
            resets.reset(new ManageWarehouseCommand(admin, PROJECT));

            assertThat(store.credentials().findByProject(PROJECT).orElseThrow().lastSetAt())
                    .isPresent();
            assertThat(store.auditLog().list(PROJECT, 10, 0))
                    .extracting(AuditEntry::outcome)
                    .containsExactly(AuditOutcome.SUCCEEDED);
        }

        @Test
        void theEntryOfAFailedResetOutlivesTheRollbackOfItsTransaction() {
            engine.outage(BackendUnavailableException.Reason.UNREACHABLE);

            assertThatThrownBy(() -> resets.reset(new ManageWarehouseCommand(admin, PROJECT)))
                    .isInstanceOf(BackendUnavailableException.class);
            clock.advance(Duration.ofMillis(1));
            engine.outage(null);
            resets.reset(new ManageWarehouseCommand(admin, PROJECT));

            assertThat(store.auditLog().list(PROJECT, 10, 0))
                    .extracting(AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(
                            tuple(AuditOutcome.SUCCEEDED, null),
                            tuple(AuditOutcome.FAILED, "Provisioning service is unreachable"));
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        JdbiFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        JdbiFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
