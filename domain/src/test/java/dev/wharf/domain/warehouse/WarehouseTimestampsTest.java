package dev.wharf.domain.warehouse;

import static dev.wharf.domain.warehouse.Warehouses.inState;
import static dev.wharf.domain.warehouse.Warehouses.minutes;
import static dev.wharf.domain.warehouse.Warehouses.pending;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarehouseTimestampsTest {
    private static final Instant LATER = minutes(60);

    @Test
    void startingProvisioningRecordsWhenItStarted() {
        Warehouse provisioning = pending().startProvisioning(LATER);

        assertThat(provisioning.provisioningStartedAt()).isEqualTo(LATER);
        assertThat(provisioning.statusMessage()).isEqualTo(Warehouse.MESSAGE_PROVISIONING);
    }

    @Test
    void progressKeepsTheProvisioningStartAndShowsTheMessage() {
        Warehouse provisioning = inState(WarehouseState.PROVISIONING);

        Warehouse progressed = provisioning.reportProgress("Waiting for the metadata store", LATER);

        assertThat(progressed.provisioningStartedAt()).isEqualTo(provisioning.provisioningStartedAt());
        assertThat(progressed.statusMessage()).isEqualTo("Waiting for the metadata store");
    }

    @Test
    void becomingReadySetsReadyAtWithoutAFailure() {
        Warehouse ready = inState(WarehouseState.PROVISIONING).markReady(LATER);

        assertThat(ready.readyAt()).isEqualTo(LATER);
        assertThat(ready.failedAt()).isNull();
        assertThat(ready.statusMessage()).isEqualTo(Warehouse.MESSAGE_READY);
        assertThat(ready.isReady()).isTrue();
    }

    @Test
    void recoveringFromFailureSetsReadyAtAndClearsFailedAt() {
        Warehouse failed = inState(WarehouseState.FAILED);
        assertThat(failed.failedAt()).isNotNull();

        Warehouse recovered = failed.markReady(LATER);

        assertThat(recovered.readyAt()).isEqualTo(LATER);
        assertThat(recovered.failedAt()).isNull();
        assertThat(recovered.provisioningStartedAt()).isEqualTo(failed.provisioningStartedAt());
    }

    @Test
    void failingWhileProvisioningRecordsWhenAndWhy() {
        Warehouse failed = inState(WarehouseState.PROVISIONING).markFailed("Crossplane error: quota", LATER);

        assertThat(failed.failedAt()).isEqualTo(LATER);
        assertThat(failed.statusMessage()).isEqualTo("Crossplane error: quota");
        assertThat(failed.readyAt()).isNull();
    }

    @Test
    void failingBeforeProvisioningStartedRecordsWhenAndWhy() {
        Warehouse failed = pending().markFailed("Failed to create Duckling CR: denied", LATER);

        assertThat(failed.failedAt()).isEqualTo(LATER);
        assertThat(failed.provisioningStartedAt()).isNull();
    }

    @Test
    void deletingKeepsTheHistoryAndSaysSo() {
        Warehouse ready = inState(WarehouseState.READY);

        Warehouse deleting = ready.startDeleting(LATER);
        Warehouse deleted = deleting.reportDeletionProgress("Claim still present", minutes(61))
                .markDeleted(minutes(62));

        assertThat(deleting.statusMessage()).isEqualTo(Warehouse.MESSAGE_DELETING);
        assertThat(deleted.statusMessage()).isEqualTo(Warehouse.MESSAGE_DELETED);
        assertThat(deleted.readyAt()).isEqualTo(ready.readyAt());
        assertThat(deleted.provisioningStartedAt()).isEqualTo(ready.provisioningStartedAt());
        assertThat(deleted.updatedAt()).isEqualTo(minutes(62));
        assertThat(deleted.createdAt()).isEqualTo(ready.createdAt());
    }

    @Test
    void onlyAReadyWarehouseIsReady() {
        for (WarehouseState state : WarehouseState.values()) {
            assertThat(inState(state).isReady()).as(state.wireName()).isEqualTo(state == WarehouseState.READY);
        }
    }
}
