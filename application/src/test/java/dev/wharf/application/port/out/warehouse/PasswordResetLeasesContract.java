package dev.wharf.application.port.out.warehouse;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PasswordResetLeases} does: one live lease per warehouse, taken over only once it expired, given up
 * only by its holder, and gone with its warehouse.
 */
public abstract class PasswordResetLeasesContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);

    @BeforeEach
    void givenTwoWarehouses() {
        for (ProjectId project : List.of(PROJECT, OTHER)) {
            store.givenProject(project.value());
            store.warehouses().insert(warehouse(project));
        }
    }

    @Test
    void aLiveLeaseKeepsEveryoneElseOutAndItsHolderToo() {
        assertThat(store.resetLeases().take(PROJECT, "a", at(0), at(60))).isTrue();

        assertThat(store.resetLeases().take(PROJECT, "b", at(59), at(119))).isFalse();
        assertThat(store.resetLeases().take(PROJECT, "a", at(1), at(61))).isFalse();
        assertThat(store.resetLeases().take(OTHER, "b", at(1), at(61))).isTrue();
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() {
        store.resetLeases().take(PROJECT, "a", at(0), at(60));

        assertThat(store.resetLeases().release(PROJECT, "a")).isTrue();
        assertThat(store.resetLeases().release(PROJECT, "a")).isFalse();
        assertThat(store.resetLeases().take(PROJECT, "b", at(1), at(61))).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsFormerHolderCannotReleaseTheNewOne() {
        store.resetLeases().take(PROJECT, "a", at(0), at(60));

        assertThat(store.resetLeases().take(PROJECT, "b", at(60), at(120))).isTrue();

        assertThat(store.resetLeases().release(PROJECT, "a")).isFalse();
        assertThat(store.resetLeases().take(PROJECT, "c", at(61), at(121))).isFalse();
        assertThat(store.resetLeases().release(PROJECT, "b")).isTrue();
    }

    @Test
    void onlyTheHolderReleasesALease() {
        store.resetLeases().take(PROJECT, "a", at(0), at(60));

        assertThat(store.resetLeases().release(PROJECT, "b")).isFalse();
        assertThat(store.resetLeases().release(OTHER, "a")).isFalse();
        assertThat(store.resetLeases().take(PROJECT, "b", at(1), at(61))).isFalse();
    }

    @Test
    void anExpiredLeaseMarksAResetThatDidNotFinishUntilAnotherResetTakesOver() {
        store.resetLeases().take(PROJECT, "a", at(0), at(60));

        assertThat(unfinished(PROJECT, at(59))).isEmpty();
        assertThat(unfinished(PROJECT, at(61))).contains(at(60));
        assertThat(unfinished(OTHER, at(61))).isEmpty();

        store.resetLeases().take(PROJECT, "b", at(61), at(121));
        assertThat(unfinished(PROJECT, at(62))).isEmpty();
        store.resetLeases().release(PROJECT, "b");
        assertThat(unfinished(PROJECT, at(200))).isEmpty();
    }

    @Test
    void endingEveryLeaseFreesTheWarehousesAndMarksTheirResetsUnfinished() {
        store.resetLeases().take(PROJECT, "a", at(0), at(60));
        store.resetLeases().take(OTHER, "b", at(0), at(5));

        assertThat(store.resetLeases().endAll(at(10))).isEqualTo(1);

        assertThat(unfinished(PROJECT, at(10))).contains(at(10));
        assertThat(unfinished(OTHER, at(10))).contains(at(5));
        assertThat(store.resetLeases().release(PROJECT, "a"))
                .as("still its holder's to give up")
                .isTrue();
        assertThat(store.resetLeases().take(OTHER, "c", at(10), at(70))).isTrue();
    }

    @Test
    void aLeaseNeedsItsWarehouseAndGoesWithIt() {
        store.givenProject(3);
        assertThatThrownBy(() -> store.resetLeases().take(ProjectId.of(3), "a", at(0), at(60)))
                .isInstanceOf(RuntimeException.class);

        store.resetLeases().take(PROJECT, "a", at(0), at(60));
        store.warehouses().deleteByProject(PROJECT);
        store.warehouses().insert(warehouse(PROJECT));

        assertThat(store.resetLeases().take(PROJECT, "b", at(1), at(61))).isTrue();
    }

    @Test
    void ofConcurrentTakesUnderTheWarehousesLockExactlyOneWins() throws Exception {
        int takers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(takers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                String owner = "owner-" + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return store.transactions().inTransaction(() -> {
                        store.warehouses().findByProjectForUpdate(PROJECT).orElseThrow();
                        return store.resetLeases().take(PROJECT, owner, at(0), at(60));
                    });
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a status read sees of an unfinished reset (the lease as the warehouse's repository reads it). */
    private Optional<java.time.Instant> unfinished(ProjectId project, java.time.Instant now) {
        return store.warehouses().findWithPasswordLastSet(project).orElseThrow().unfinishedResetSince(now);
    }

    private static Warehouse warehouse(ProjectId project) {
        return Warehouse.provision(Optional.empty(), project, new DatabaseName("analytics" + project.value()), T0)
                .startProvisioning(at(1))
                .markReady(at(2));
    }
}
