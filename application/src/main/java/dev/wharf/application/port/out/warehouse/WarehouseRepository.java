package dev.wharf.application.port.out.warehouse;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores each project's warehouse, one row per project. A database name is held by at most one warehouse that is
 * not deleted, and a schema name by at most one such warehouse per organization; the store enforces both, so two
 * concurrent provisions of one name cannot both succeed.
 */
public interface WarehouseRepository {
    Optional<Warehouse> findByProject(ProjectId projectId);

    /**
     * The project's warehouse with when its password was last set (empty when it never was) and its password-reset
     * lease, read at once: what a status request shows, in one read instead of one per aggregate.
     */
    Optional<WarehouseWithPassword> findWithPasswordLastSet(ProjectId projectId);

    /** As {@link #findByProject}, and locks the warehouse until the surrounding transaction ends. */
    Optional<Warehouse> findByProjectForUpdate(ProjectId projectId);

    /**
     * Stores a new warehouse; the project must have none (delete a failed or deleted one first).
     *
     * @throws dev.wharf.domain.shared.ConflictException "database name is already taken" when another live warehouse
     *     holds the name; "schema_name is already used by another project of this organization" when a live
     *     warehouse of another project of the same organization holds the schema name
     */
    void insert(Warehouse warehouse);

    /**
     * Replaces the stored warehouse with {@code updated} if its state is still {@code expected} (compare and swap).
     *
     * @return false, changing nothing, when the stored state is no longer {@code expected} or the row is gone
     */
    boolean update(Warehouse updated, WarehouseState expected);

    void deleteByProject(ProjectId projectId);

    /** Whether a warehouse that is not deleted holds {@code name}. */
    boolean isDatabaseNameHeld(DatabaseName name);

    /** Whether a warehouse that is not deleted, of another project of {@code project}'s organization, holds {@code name}. */
    boolean isSchemaNameHeldByAnotherProject(SchemaName name, ProjectId project);

    /** Warehouses in any of {@code states}, oldest update first: the work queue of the provisioning worker. */
    List<Warehouse> findInStates(Set<WarehouseState> states, int limit);

    /** Warehouses in {@code state} whose project comes after {@code after} (null: from the first), by project. */
    List<Warehouse> findInStateAfter(WarehouseState state, ProjectId after, int limit);

    /**
     * A warehouse, when the password of its login was last set, and until when a password reset holds it (a lease
     * that outlived its reset is the mark of a reset that did not finish: see {@link PasswordResetLeases}).
     */
    record WarehouseWithPassword(
            Warehouse warehouse, Optional<Instant> passwordLastSetAt, Optional<Instant> resetLeaseExpiresAt) {
        public WarehouseWithPassword {
            Objects.requireNonNull(warehouse, "warehouse");
            Objects.requireNonNull(passwordLastSetAt, "passwordLastSetAt");
            Objects.requireNonNull(resetLeaseExpiresAt, "resetLeaseExpiresAt");
        }

        /** Without a reset under way. */
        public WarehouseWithPassword(Warehouse warehouse, Optional<Instant> passwordLastSetAt) {
            this(warehouse, passwordLastSetAt, Optional.empty());
        }

        /**
         * When the lease of a reset that never finished ran out, if it ran out by {@code now} and after this warehouse
         * was ready (a lease of an earlier warehouse of the project says nothing of this one).
         */
        public Optional<Instant> unfinishedResetSince(Instant now) {
            return resetLeaseExpiresAt
                    .filter(expired -> !expired.isAfter(now))
                    .filter(expired -> warehouse.readyAt() == null || expired.isAfter(warehouse.readyAt()));
        }
    }
}
