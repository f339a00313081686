package dev.wharf.domain.warehouse;

import static dev.wharf.domain.warehouse.WarehouseState.DELETED;
import static dev.wharf.domain.warehouse.WarehouseState.DELETING;
import static dev.wharf.domain.warehouse.WarehouseState.FAILED;
import static dev.wharf.domain.warehouse.WarehouseState.PENDING;
import static dev.wharf.domain.warehouse.WarehouseState.PROVISIONING;
import static dev.wharf.domain.warehouse.WarehouseState.READY;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * The managed warehouse of one project and where it stands in its lifecycle. Immutable: every transition returns a
 * new value and refuses, with a {@link ConflictException} naming both states, any move the state table does not
 * allow. Becoming ready sets {@code readyAt} and clears {@code failedAt}. {@code schemaName} is null when the project
 * chose none.
 */
public record Warehouse(
        ProjectId projectId,
        DatabaseName databaseName,
        SchemaName schemaName,
        WarehouseState state,
        String statusMessage,
        Instant createdAt,
        Instant updatedAt,
        Instant provisioningStartedAt,
        Instant readyAt,
        Instant failedAt) {

    public static final String MESSAGE_PENDING = "Waiting to be provisioned";
    public static final String MESSAGE_PROVISIONING = "Provisioning in progress...";
    public static final String MESSAGE_READY = "Infrastructure ready";
    public static final String MESSAGE_DELETING = "Deprovisioning...";
    public static final String MESSAGE_DELETED = "Resources deleted";

    public Warehouse {
        Require.nonNull(projectId, "projectId");
        Require.nonNull(databaseName, "databaseName");
        Require.nonNull(state, "state");
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
        statusMessage = StatusMessage.bounded(statusMessage);
    }

    /**
     * A new pending warehouse for {@code projectId}, allowed only when the project has none or its current one is
     * failed or deleted.
     */
    public static Warehouse provision(
            Optional<Warehouse> current, ProjectId projectId, DatabaseName databaseName, Instant now) {
        return provision(current, projectId, databaseName, Optional.empty(), now);
    }

    /** As {@link #provision(Optional, ProjectId, DatabaseName, Instant)}, with the schema the project chose, if any. */
    public static Warehouse provision(
            Optional<Warehouse> current,
            ProjectId projectId,
            DatabaseName databaseName,
            Optional<SchemaName> schemaName,
            Instant now) {
        current.ifPresent(existing -> {
            if (!existing.state().allowsNewProvision()) {
                throw new ConflictException("warehouse already exists in non-terminal state");
            }
        });
        return new Warehouse(
                projectId, databaseName, schemaName.orElse(null), PENDING, MESSAGE_PENDING, now, now, null, null, null);
    }

    /** pending → provisioning: the engine has been asked to create the warehouse. */
    public Warehouse startProvisioning(Instant now) {
        requireTransition(PROVISIONING, PENDING);
        return with(PROVISIONING, MESSAGE_PROVISIONING, now, now, readyAt, failedAt);
    }

    /** provisioning → provisioning with a progress or diagnostic message (an engine retry, say). */
    public Warehouse reportProgress(String message, Instant now) {
        requireTransition(PROVISIONING, PROVISIONING);
        return with(PROVISIONING, message, now, provisioningStartedAt, readyAt, failedAt);
    }

    /** provisioning | failed → ready. */
    public Warehouse markReady(Instant now) {
        requireTransition(READY, PROVISIONING, FAILED);
        return with(READY, MESSAGE_READY, now, provisioningStartedAt, now, null);
    }

    /** pending | provisioning → failed, with the reason. */
    public Warehouse markFailed(String reason, Instant now) {
        requireTransition(FAILED, PENDING, PROVISIONING);
        return with(FAILED, reason, now, provisioningStartedAt, readyAt, now);
    }

    /**
     * pending | provisioning | ready → failed: the engine no longer has (or never will have) what this warehouse
     * stands for, say because the engine that made it is gone. Deprovision still completes from failed.
     */
    public Warehouse markLost(String reason, Instant now) {
        requireTransition(FAILED, PENDING, PROVISIONING, READY);
        return with(FAILED, reason, now, provisioningStartedAt, readyAt, now);
    }

    /** ready | failed | provisioning → deleting. */
    public Warehouse startDeleting(Instant now) {
        requireTransition(DELETING, READY, FAILED, PROVISIONING);
        return with(DELETING, MESSAGE_DELETING, now, provisioningStartedAt, readyAt, failedAt);
    }

    /** deleting → deleting with a progress or diagnostic message, while deletion retries. */
    public Warehouse reportDeletionProgress(String message, Instant now) {
        requireTransition(DELETING, DELETING);
        return with(DELETING, message, now, provisioningStartedAt, readyAt, failedAt);
    }

    /**
     * deleting → failed: the engine refused to remove the warehouse, or failed at it too many times in a row, for
     * {@code reason}. The reference's deletion retries forever; Wharf says why and stops, and a new deprovision tries
     * again.
     */
    public Warehouse markDeletionFailed(String reason, Instant now) {
        requireTransition(FAILED, DELETING);
        return with(FAILED, reason, now, provisioningStartedAt, readyAt, now);
    }

    /** deleting → deleted: the engine's resources are gone and the database name is free again. */
    public Warehouse markDeleted(Instant now) {
        requireTransition(DELETED, DELETING);
        return with(DELETED, MESSAGE_DELETED, now, provisioningStartedAt, readyAt, failedAt);
    }

    /** The schema the project chose, if any. */
    public Optional<SchemaName> schema() {
        return Optional.ofNullable(schemaName);
    }

    public boolean isReady() {
        return state == READY;
    }

    private void requireTransition(WarehouseState target, WarehouseState... allowedFrom) {
        for (WarehouseState from : allowedFrom) {
            if (state == from) {
                return;
            }
        }
        throw new ConflictException("warehouse cannot go from " + state.wireName() + " to " + target.wireName());
    }

    private Warehouse with(
            WarehouseState newState,
            String message,
            Instant now,
            Instant newProvisioningStartedAt,
            Instant newReadyAt,
            Instant newFailedAt) {
        return new Warehouse(
                projectId,
                databaseName,
                schemaName,
                newState,
                message,
                createdAt,
                now,
                newProvisioningStartedAt,
                newReadyAt,
                newFailedAt);
    }
}
