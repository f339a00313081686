package dev.wharf.application.port.out.provisioning;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.provisioning.ProvisioningQueue.Claim;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisioningQueue} does: only warehouses with work (pending, provisioning, deleting) are due,
 * longest waiting first; a claim is held by one worker until its lease expires or it is released; a release schedules
 * the next attempt with the failures so far, unless the warehouse left the state it was scheduled for; a worker that
 * lost its lease cannot release the new owner's claim; ending every claim makes their warehouses due at once.
 *
 * <p>Project 1 has a pending warehouse, updated at {@code T0}; project 2 a ready one.
 */
public abstract class ProvisioningQueueContract extends FixtureContract {
    private static final ProjectId P1 = ProjectId.of(1);
    private static final ProjectId P2 = ProjectId.of(2);
    private static final Instant LATER = T0.plusSeconds(60);

    private ProvisioningQueue queue;

    @BeforeEach
    void givenAPendingAndAReadyWarehouse() {
        queue = store.provisioningQueue();
        store.givenProject(1);
        store.givenProject(2);
        store.warehouses().insert(Warehouse.provision(Optional.empty(), P1, new DatabaseName("first"), T0));
        store.warehouses()
                .insert(Warehouse.provision(Optional.empty(), P2, new DatabaseName("second"), T0)
                        .startProvisioning(T0)
                        .markReady(T0));
    }

    @Test
    void onlyWarehousesWithWorkAreDue() {
        assertThat(queue.due(T0, 10)).containsExactly(P1);
    }

    @Test
    void aWarehouseWithoutWorkOrWithoutAWarehouseCannotBeClaimed() {
        assertThat(queue.claim(P2, "a", T0, LATER)).as("ready").isEmpty();
        assertThat(queue.claim(ProjectId.of(3), "a", T0, LATER))
                .as("no warehouse")
                .isEmpty();
    }

    @Test
    void dueWarehousesComeLongestWaitingFirstUpToTheLimit() {
        ProjectId provisioning = ProjectId.of(3);
        ProjectId deleting = ProjectId.of(4);
        store.givenProject(3);
        store.givenProject(4);
        store.warehouses()
                .insert(Warehouse.provision(Optional.empty(), provisioning, new DatabaseName("third"), T0)
                        .startProvisioning(T0.plusSeconds(10)));
        store.warehouses()
                .insert(Warehouse.provision(Optional.empty(), deleting, new DatabaseName("fourth"), T0)
                        .startProvisioning(T0)
                        .markReady(T0)
                        .startDeleting(T0.plusSeconds(5)));

        assertThat(queue.due(T0.plusSeconds(20), 10)).containsExactly(P1, deleting, provisioning);
        assertThat(queue.due(T0.plusSeconds(20), 2)).containsExactly(P1, deleting);
        assertThat(queue.due(T0.plusSeconds(20), 0)).isEmpty();

        queue.claim(P1, "a", T0.plusSeconds(20), LATER);
        queue.release(P1, "a", WarehouseState.PENDING, T0.plusSeconds(30), 1);
        assertThat(queue.due(T0.plusSeconds(40), 10))
                .as("a retried warehouse waits from its next attempt")
                .containsExactly(deleting, provisioning, P1);
    }

    @Test
    void aClaimHeldByOneWorkerIsRefusedToAnotherUntilItsLeaseExpires() {
        assertThat(queue.claim(P1, "a", T0, LATER)).contains(new Claim(P1, "a", 0));

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
        assertThat(queue.claim(P1, "b", T0.plusSeconds(5), LATER)).contains(new Claim(P1, "b", 3));
    }

    @Test
    void aClaimReleasedWithoutANextAttemptIsDueAtOnce() {
        queue.claim(P1, "a", T0, LATER);

        queue.release(P1, "a", WarehouseState.PENDING, null, 2);

        assertThat(queue.due(T0, 10)).containsExactly(P1);
        assertThat(queue.claim(P1, "b", T0, LATER)).contains(new Claim(P1, "b", 2));
    }

    @Test
    void aReleaseForWhateverStateKeepsItsScheduleWhereverTheWarehouseWent() {
        queue.claim(P1, "a", T0, LATER);
        Warehouse pending = store.warehouses().findByProject(P1).orElseThrow();
        store.warehouses().update(pending.startProvisioning(T0.plusSeconds(1)), WarehouseState.PENDING);

        queue.release(P1, "a", null, T0.plusSeconds(5), 4);

        assertThat(queue.claim(P1, "b", T0.plusSeconds(4), LATER)).isEmpty();
        assertThat(queue.claim(P1, "b", T0.plusSeconds(5), LATER)).contains(new Claim(P1, "b", 4));
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
                .contains(new Claim(P1, "b", 0));
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
