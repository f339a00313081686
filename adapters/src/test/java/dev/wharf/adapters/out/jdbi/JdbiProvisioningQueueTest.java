package dev.wharf.adapters.out.jdbi;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The provisioning worker's queue on H2 and on PostgreSQL; the race between two claimants on PostgreSQL. */
class JdbiProvisioningQueueTest {
    private static final ProjectId P1 = ProjectId.of(1);
    private static final Instant LATER = T0.plusSeconds(60);

    abstract static class Contract {
        JdbiFixture store;
        ProvisioningQueue queue;

        abstract JdbiFixture createFixture();

        @BeforeEach
        void setUp() {
            store = createFixture();
            queue = store.provisioningQueue();
            store.givenProject(1);
            store.givenProject(2);
            store.warehouses().insert(Warehouse.provision(Optional.empty(), P1, new DatabaseName("first"), T0));
            store.warehouses()
                    .insert(Warehouse.provision(Optional.empty(), ProjectId.of(2), new DatabaseName("second"), T0)
                            .startProvisioning(T0)
                            .markReady(T0));
        }

        @AfterEach
        void tearDown() {
            store.close();
        }

        @Test
        void onlyWarehousesWithWorkAreDue() {
            assertThat(queue.due(T0, 10)).containsExactly(P1);
        }

        @Test
        void aClaimHeldByOneWorkerIsRefusedToAnotherUntilItsLeaseExpires() {
            assertThat(queue.claim(P1, "a", T0, LATER)).contains(new ProvisioningQueue.Claim(P1, "a", 0));

            assertThat(queue.claim(P1, "b", T0.plusSeconds(59), T0.plusSeconds(120)))
                    .isEmpty();
            assertThat(queue.due(T0.plusSeconds(59), 10)).isEmpty();

            assertThat(queue.due(LATER, 10)).containsExactly(P1);
            assertThat(queue.claim(P1, "b", LATER, LATER.plusSeconds(60))).isPresent();
        }

        @Test
        void aReleasedClaimIsDueAgainAtItsNextAttemptWithItsFailureCount() {
            queue.claim(P1, "a", T0, LATER);

            queue.release(P1, "a", WarehouseState.PENDING, T0.plusSeconds(5), 3);

            assertThat(queue.due(T0.plusSeconds(4), 10)).isEmpty();
            assertThat(queue.claim(P1, "b", T0.plusSeconds(5), LATER))
                    .contains(new ProvisioningQueue.Claim(P1, "b", 3));
        }

        @Test
        void aScheduleForAStateTheWarehouseLeftMeanwhileIsDropped() {
            queue.claim(P1, "a", T0, LATER);
            Warehouse pending = store.warehouses().findByProject(P1).orElseThrow();
            store.warehouses().update(pending.markFailed("boom", T0), WarehouseState.PENDING);

            queue.release(P1, "a", WarehouseState.PENDING, T0.plusSeconds(30), 7);

            assertThat(queue.claim(P1, "b", T0.plusSeconds(1), LATER)).isEmpty();
            store.warehouses()
                    .update(
                            store.warehouses().findByProject(P1).orElseThrow().startDeleting(T0.plusSeconds(1)),
                            WarehouseState.FAILED);
            assertThat(queue.claim(P1, "b", T0.plusSeconds(1), LATER))
                    .as("due at once, with no failures")
                    .contains(new ProvisioningQueue.Claim(P1, "b", 0));
        }

        @Test
        void endingEveryClaimMakesTheirWarehousesDueAtOnce() {
            queue.claim(P1, "a", T0, LATER);

            assertThat(queue.endAllClaims(T0.plusSeconds(1))).isEqualTo(1);

            assertThat(queue.due(T0.plusSeconds(1), 10)).containsExactly(P1);
            assertThat(queue.claim(P1, "b", T0.plusSeconds(1), LATER)).isPresent();
            assertThat(queue.endAllClaims(T0.plusSeconds(1))).isEqualTo(1);
            assertThat(queue.endAllClaims(T0.plusSeconds(1)))
                    .as("nothing live is left")
                    .isZero();
        }

        @Test
        void aWorkerThatLostItsLeaseCannotReleaseTheNewOwnersClaim() {
            queue.claim(P1, "a", T0, LATER);
            queue.claim(P1, "b", LATER, LATER.plusSeconds(60));

            queue.release(P1, "a", null, null, 0);

            assertThat(queue.claim(P1, "c", LATER.plusSeconds(1), LATER.plusSeconds(90)))
                    .isEmpty();
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
        void ofTwoWorkersClaimingAtOnceExactlyOneWins() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 20; round++) {
                    Instant now = T0.plus(Duration.ofMinutes(2L * round));
                    Instant until = now.plus(Duration.ofMinutes(1));
                    CyclicBarrier start = new CyclicBarrier(2);
                    Callable<Boolean> a = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return queue.claim(P1, "a", now, until).isPresent();
                    };
                    Callable<Boolean> b = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return queue.claim(P1, "b", now, until).isPresent();
                    };
                    Future<Boolean> first = threads.submit(a);
                    Future<Boolean> second = threads.submit(b);
                    assertThat(first.get(20, TimeUnit.SECONDS) ^ second.get(20, TimeUnit.SECONDS))
                            .as("round %d: exactly one claim succeeds", round)
                            .isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
