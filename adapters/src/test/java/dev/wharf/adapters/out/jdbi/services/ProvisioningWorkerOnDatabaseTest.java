package dev.wharf.adapters.out.jdbi.services;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.service.provisioning.ProvisioningSettings;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The provisioning worker over the real queue and repositories, on H2 and on PostgreSQL. */
class ProvisioningWorkerOnDatabaseTest {
    private static final ProjectId P1 = ProjectId.of(1);
    private static final DatabaseName NAME = new DatabaseName("analytics");
    private static final ProvisioningSettings SETTINGS = new ProvisioningSettings(
            Duration.ofMinutes(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofMinutes(1));

    abstract static class Contract {
        JdbiFixture store;
        MutableClock clock;
        InMemoryWarehouseEngine engine;
        final List<Warehouse> failed = new CopyOnWriteArrayList<>();

        abstract JdbiFixture createFixture();

        @BeforeEach
        void setUp() {
            store = createFixture();
            clock = new MutableClock(T0);
            engine = new InMemoryWarehouseEngine();
            store.givenProject(1);
            store.warehouses().insert(Warehouse.provision(Optional.empty(), P1, NAME, T0));
        }

        @AfterEach
        void tearDown() {
            store.close();
        }

        ProvisioningWorker worker(String id) {
            return new ProvisioningWorker(
                    store.provisioningQueue(),
                    store.warehouses(),
                    engine,
                    SETTINGS,
                    clock,
                    id,
                    failed::add,
                    Metrics.NONE);
        }

        Warehouse stored() {
            return store.warehouses().findByProject(P1).orElseThrow();
        }

        @Test
        void aPendingWarehouseBecomesReadyInOnePass() {
            assertThat(worker("w1").runOnce()).isEqualTo(1);

            Warehouse ready = stored();
            assertThat(ready.state()).isEqualTo(WarehouseState.READY);
            assertThat(ready.statusMessage()).isEqualTo("Infrastructure ready");
            assertThat(ready.provisioningStartedAt()).isEqualTo(T0);
            assertThat(ready.readyAt()).isEqualTo(T0);
            assertThat(engine.exists(NAME)).isTrue();
            assertThat(worker("w1").runOnce()).as("nothing left to do").isZero();
        }

        @Test
        void anEngineOutageIsRetriedWithBackoffAndReportedThenCompletesWhenTheEngineIsBack() {
            engine.outage(BackendUnavailableException.Reason.UNREACHABLE);

            worker("w1").runOnce();
            assertThat(stored().state()).isEqualTo(WarehouseState.PROVISIONING);
            assertThat(stored().statusMessage()).contains("engine error").contains("unreachable");

            int calls = engine.calls();
            clock.advance(Duration.ofMillis(500));
            assertThat(worker("w1").runOnce()).as("backing off for 1 s").isZero();
            clock.advance(Duration.ofMillis(600));
            worker("w1").runOnce();
            assertThat(engine.calls()).isEqualTo(calls + 1);
            clock.advance(Duration.ofMillis(1500));
            assertThat(worker("w1").runOnce()).as("second backoff is 2 s").isZero();

            engine.outage(null);
            clock.advance(Duration.ofSeconds(1));
            worker("w1").runOnce();
            assertThat(stored().state()).isEqualTo(WarehouseState.READY);
        }

        @Test
        void provisioningThatOutlivesTheTimeoutFails() {
            engine.outage(BackendUnavailableException.Reason.TIMEOUT);
            worker("w1").runOnce();

            clock.advance(Duration.ofMinutes(31));
            worker("w1").runOnce();

            Warehouse failed = stored();
            assertThat(failed.state()).isEqualTo(WarehouseState.FAILED);
            assertThat(failed.statusMessage()).isEqualTo("Provisioning timed out after 30 minutes");
            assertThat(failed.failedAt()).isEqualTo(clock.instant());
        }

        @Test
        void anEngineStillWorkingIsPolledUntilDone() {
            engine.needPasses(2);

            worker("w1").runOnce();
            assertThat(stored().state()).isEqualTo(WarehouseState.PROVISIONING);
            assertThat(stored().statusMessage()).isEqualTo("Creating the database...");
            clock.advance(Duration.ofSeconds(2));
            worker("w1").runOnce();
            clock.advance(Duration.ofSeconds(2));
            worker("w1").runOnce();

            assertThat(stored().state()).isEqualTo(WarehouseState.READY);
        }

        @Test
        void aDeletingWarehouseIsDeprovisionedAndItsNameFreed() {
            worker("w1").runOnce();
            store.warehouses().update(stored().startDeleting(clock.instant()), WarehouseState.READY);

            worker("w1").runOnce();

            assertThat(stored().state()).isEqualTo(WarehouseState.DELETED);
            assertThat(engine.exists(NAME)).isFalse();
            assertThat(store.warehouses().isDatabaseNameHeld(NAME)).isFalse();
        }

        @Test
        void aDeletionThatKeepsFailingGivesUpAsFailedSayingWhyAndOnce() {
            worker("w1").runOnce();
            store.warehouses().update(stored().startDeleting(clock.instant()), WarehouseState.READY);
            engine.outage(BackendUnavailableException.Reason.TIMEOUT);

            for (int attempt = 1; attempt < SETTINGS.deletionAttempts(); attempt++) {
                assertThat(worker("w1").runOnce()).isEqualTo(1);
                assertThat(stored().state()).isEqualTo(WarehouseState.DELETING);
                clock.advance(SETTINGS.backoffMax());
            }
            assertThat(failed).isEmpty();
            worker("w1").runOnce();

            assertThat(stored().state()).isEqualTo(WarehouseState.FAILED);
            assertThat(stored().statusMessage())
                    .isEqualTo("Deprovisioning failed " + SETTINGS.deletionAttempts()
                            + " times in a row, last: engine timeout. Deprovision again to retry.");
            assertThat(failed).containsExactly(stored());
            clock.advance(SETTINGS.backoffMax());
            assertThat(worker("w1").runOnce()).as("no more attempts").isZero();

            engine.outage(null);
            store.warehouses().update(stored().startDeleting(clock.instant()), WarehouseState.FAILED);
            assertThat(worker("w1").runOnce())
                    .as("a new deprovision starts at once")
                    .isEqualTo(1);
            assertThat(stored().state()).isEqualTo(WarehouseState.DELETED);
        }

        @Test
        void aStopEndsThePassAfterTheWarehouseInHandAndLeavesTheRestDue() {
            for (int i = 2; i <= 3; i++) {
                store.givenProject(i);
                store.warehouses()
                        .insert(Warehouse.provision(
                                Optional.empty(), ProjectId.of(i), new DatabaseName("warehouse-" + i), T0));
            }

            assertThat(worker("w1").runOnce(() -> engine.calls() == 0)).isEqualTo(1);

            assertThat(engine.calls()).isEqualTo(1);
            assertThat(store.provisioningQueue().due(clock.instant(), 10))
                    .as("the other two, unclaimed")
                    .hasSize(2);
            assertThat(worker("w2").runOnce())
                    .as("another worker takes them at once")
                    .isEqualTo(2);
        }

        @Test
        void aClaimOfADeadWorkerIsTakenOverWhenItsLeaseExpires() {
            store.provisioningQueue().claim(P1, "dead", T0, T0.plusSeconds(60));

            assertThat(worker("w2").runOnce())
                    .as("the dead worker's lease is live")
                    .isZero();
            clock.advance(Duration.ofSeconds(60));
            assertThat(worker("w2").runOnce()).isEqualTo(1);

            assertThat(stored().state()).isEqualTo(WarehouseState.READY);
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

        @Test
        void twoWorkersOnOneDatabaseNeverWorkOnTheSameWarehouse() throws Exception {
            for (int i = 2; i <= 21; i++) {
                store.givenProject(i);
                store.warehouses()
                        .insert(Warehouse.provision(
                                Optional.empty(), ProjectId.of(i), new DatabaseName("warehouse-" + i), T0));
            }
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> passes = new ArrayList<>();
                for (String id : new String[] {"process-a", "process-b"}) {
                    ProvisioningWorker worker = worker(id);
                    passes.add(threads.submit(() -> {
                        int worked = 0;
                        for (int pass = 0; pass < 5; pass++) {
                            worked += worker.runOnce();
                        }
                        return worked;
                    }));
                }
                int worked = 0;
                for (Future<Integer> pass : passes) {
                    worked += pass.get(60, TimeUnit.SECONDS);
                }

                assertThat(worked).as("each warehouse claimed exactly once").isEqualTo(21);
                assertThat(engine.calls())
                        .as("each warehouse provisioned exactly once")
                        .isEqualTo(21);
                for (int i = 1; i <= 21; i++) {
                    assertThat(store.warehouses()
                                    .findByProject(ProjectId.of(i))
                                    .orElseThrow()
                                    .state())
                            .isEqualTo(WarehouseState.READY);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
