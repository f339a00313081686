package dev.wharf.domain.warehouse;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/** Test fixture: warehouses brought to each state through the state machine itself, one minute per step. */
public final class Warehouses {
    public static final ProjectId PROJECT = ProjectId.of(7);
    public static final DatabaseName NAME = new DatabaseName("acme-analytics");
    public static final Instant CREATED = Instant.parse("2025-01-10T09:00:00Z");

    private Warehouses() {}

    public static Warehouse pending() {
        return Warehouse.provision(Optional.empty(), PROJECT, NAME, CREATED);
    }

    /** A warehouse of {@link #PROJECT} in {@code state}, reached by legal moves only. */
    public static Warehouse inState(WarehouseState state) {
        Warehouse pending = pending();
        Warehouse provisioning = pending.startProvisioning(minutes(1));
        return switch (state) {
            case PENDING -> pending;
            case PROVISIONING -> provisioning;
            case READY -> provisioning.markReady(minutes(2));
            case FAILED -> provisioning.markFailed("Provisioning timed out after 30 minutes", minutes(2));
            case DELETING -> provisioning.markReady(minutes(2)).startDeleting(minutes(3));
            case DELETED ->
                provisioning.markReady(minutes(2)).startDeleting(minutes(3)).markDeleted(minutes(4));
        };
    }

    public static Instant minutes(long n) {
        return CREATED.plusSeconds(60 * n);
    }
}
