package dev.wharf.adapters.out.jdbi.services;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.InMemoryWarehouseEngine.Gate;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.warehouse.PasswordResetService;
import dev.wharf.application.service.warehouse.PasswordResetTiming;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Password resets on the real repositories: the audit entry of a reset commits with it, the entry of a reset whose
 * engine call failed survives the rollback of the reset's transaction, and no row stays locked while the engine works.
 */
class AuditedActionsOnDatabaseTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final DatabaseName NAME = new DatabaseName("analytics");

    abstract static class Contract {
        JdbiFixture store;
        MutableClock clock = new MutableClock(T0);
        InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
        PasswordResetService resets;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Actor admin;

        abstract JdbiFixture createFixture();

        @BeforeEach
        void setUp() {
            store = createFixture();
            admin = ServiceFixtures.givenAdmin(store, 1, T0);
            ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
            ActionGuard guard = ServiceFixtures.guard(store, access, clock);
            resets = ServiceFixtures.passwordResets(store, guard, engine, PasswordResetTiming.defaults(), clock);
            ServiceFixtures.givenReadyWarehouse(store, engine, PROJECT, NAME, T0);
        }

        @AfterEach
        void tearDown() {
            threads.shutdownNow();
            store.close();
        }

        @Test
        void aResetAndItsEntryCommitTogether() {
            resets.reset(command());

            assertThat(store.credentials().findByProject(PROJECT).orElseThrow().lastSetAt())
                    .isPresent();
            assertThat(store.auditLog().list(PROJECT, 10, 0))
                    .extracting(AuditEntry::outcome)
                    .containsExactly(AuditOutcome.SUCCEEDED);
        }

        @Test
        void whileTheEngineWorksTheWarehouseRowIsFreeAndTheLeaseIsGoneAfter() throws Exception {
            Gate gate = engine.holdNextSetPassword();
            Future<PasswordReset> reset = threads.submit(() -> resets.reset(command()));
            gate.awaitEntered();

            Future<Optional<Warehouse>> locked = threads.submit(() ->
                    store.transactions().inTransaction(() -> store.warehouses().findByProjectForUpdate(PROJECT)));
            assertThat(locked.get(5, TimeUnit.SECONDS)).isPresent();

            gate.open();
            assertThat(engine.accepts(
                            NAME, reset.get(10, TimeUnit.SECONDS).password().reveal()))
                    .isTrue();
            assertThat(leaseRows()).isZero();
        }

        @Test
        void aResetWhoseRecordingRollsBackStillGivesItsLeaseUp() throws Exception {
            Gate gate = engine.holdNextSetPassword();
            Future<PasswordReset> reset = threads.submit(() -> resets.reset(command()));
            gate.awaitEntered();
            Warehouse ready = store.warehouses().findByProject(PROJECT).orElseThrow();
            assertThat(store.warehouses().update(ready.startDeleting(clock.instant()), WarehouseState.READY))
                    .isTrue();
            gate.open();

            assertThatThrownBy(() -> reset.get(10, TimeUnit.SECONDS)).hasRootCauseMessage(Credential.RESET_NEEDS_READY);
            assertThat(leaseRows()).isZero();
            assertThat(store.credentials().findByProject(PROJECT).orElseThrow().lastSetAt())
                    .isEmpty();
        }

        private int leaseRows() {
            return store.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM password_reset_lease")
                            .mapTo(Integer.class)
                            .one());
        }

        private ManageWarehouseCommand command() {
            return new ManageWarehouseCommand(admin, PROJECT);
        }

        @Test
        void theEntryOfAFailedResetOutlivesTheRollbackOfItsTransaction() {
            engine.outage(BackendUnavailableException.Reason.UNREACHABLE);

            assertThatThrownBy(() -> resets.reset(command())).isInstanceOf(BackendUnavailableException.class);
            clock.advance(Duration.ofMillis(1));
            engine.outage(null);
            resets.reset(command());

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
