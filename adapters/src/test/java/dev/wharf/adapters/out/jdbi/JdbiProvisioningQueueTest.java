package dev.wharf.adapters.out.jdbi;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
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
import org.junit.jupiter.api.Test;

/**
 * The race between two claimants on PostgreSQL, where several Wharf instances share the queue: a claim is one
 * conditional UPDATE, and exactly one of two workers gets the row. The queue's contract ({@code
 * ProvisioningQueueContract}) runs in {@link JdbiOnH2ContractsTest} and {@link JdbiOnPostgresContractsTest}.
 */
class JdbiProvisioningQueueTest {
    private static final ProjectId P1 = ProjectId.of(1);

    private JdbiFixture store;
    private ProvisioningQueue queue;

    @BeforeEach
    void setUp() {
        store = JdbiFixture.postgres();
        queue = store.provisioningQueue();
        store.givenProject(1);
        store.warehouses().insert(Warehouse.provision(Optional.empty(), P1, new DatabaseName("first"), T0));
    }

    @AfterEach
    void tearDown() {
        store.close();
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
