package dev.wharf.domain.warehouse;

import static dev.wharf.domain.warehouse.WarehouseState.DELETED;
import static dev.wharf.domain.warehouse.WarehouseState.DELETING;
import static dev.wharf.domain.warehouse.WarehouseState.FAILED;
import static dev.wharf.domain.warehouse.WarehouseState.PENDING;
import static dev.wharf.domain.warehouse.WarehouseState.PROVISIONING;
import static dev.wharf.domain.warehouse.WarehouseState.READY;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Every transition method of {@link Warehouse}, with the state it leads to and, written out from the reference's
 * state table (posthog-data-warehouse.md §2), the states it may start from; plus Wharf's own two: a warehouse the
 * engine lost becomes failed, and so does a deletion that gives up.
 */
enum WarehouseMove {
    START_PROVISIONING(PROVISIONING, EnumSet.of(PENDING), (w, now) -> w.startProvisioning(now)),
    REPORT_PROGRESS(PROVISIONING, EnumSet.of(PROVISIONING), (w, now) -> w.reportProgress("Waiting for S3", now)),
    MARK_READY(READY, EnumSet.of(PROVISIONING, FAILED), (w, now) -> w.markReady(now)),
    MARK_FAILED(FAILED, EnumSet.of(PENDING, PROVISIONING), (w, now) -> w.markFailed("Crossplane error: boom", now)),
    START_DELETING(DELETING, EnumSet.of(READY, FAILED, PROVISIONING), (w, now) -> w.startDeleting(now)),
    REPORT_DELETION_PROGRESS(
            DELETING, EnumSet.of(DELETING), (w, now) -> w.reportDeletionProgress("Waiting for claim", now)),
    MARK_DELETED(DELETED, EnumSet.of(DELETING), (w, now) -> w.markDeleted(now)),
    MARK_LOST(FAILED, EnumSet.of(PENDING, PROVISIONING, READY), (w, now) -> w.markLost("The database is gone", now)),
    MARK_DELETION_FAILED(
            FAILED, EnumSet.of(DELETING), (w, now) -> w.markDeletionFailed("Deprovisioning failed: boom", now));

    private final WarehouseState target;
    private final Set<WarehouseState> allowedFrom;
    private final BiFunction<Warehouse, Instant, Warehouse> apply;

    WarehouseMove(
            WarehouseState target, Set<WarehouseState> allowedFrom, BiFunction<Warehouse, Instant, Warehouse> apply) {
        this.target = target;
        this.allowedFrom = allowedFrom;
        this.apply = apply;
    }

    WarehouseState target() {
        return target;
    }

    boolean allowedFrom(WarehouseState state) {
        return allowedFrom.contains(state);
    }

    Warehouse applyTo(Warehouse warehouse, Instant now) {
        return apply.apply(warehouse, now);
    }
}
