package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link WarehouseRepository} over an {@link InMemoryStore}, with the JDBI store's rules: a warehouse needs its
 * project, a name is held by every warehouse that is not deleted, an update changes neither the database name nor the
 * creation time, a schema name is held per organization by every warehouse that is not deleted, and deleting a
 * warehouse deletes its credential.
 */
public final class InMemoryWarehouseRepository implements WarehouseRepository {
    /** The message of the JDBI store, which turns the unique index on live names into a conflict. */
    public static final String NAME_TAKEN = "database name is already taken";

    public static final String SCHEMA_TAKEN = SchemaName.TAKEN;

    /** The JDBI store's order: {@code ORDER BY updated_at, project_id}. */
    private static final Comparator<Warehouse> OLDEST_UPDATE_FIRST = Comparator.comparing(Warehouse::updatedAt)
            .thenComparingLong(w -> w.projectId().value());

    private final InMemoryStore store;

    public InMemoryWarehouseRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Warehouse> findByProject(ProjectId projectId) {
        return store.read(t -> Optional.ofNullable(t.warehouses.get(projectId)));
    }

    @Override
    public Optional<WarehouseWithPassword> findWithPasswordLastSet(ProjectId projectId) {
        return store.read(t -> Optional.ofNullable(t.warehouses.get(projectId))
                .map(w -> new WarehouseWithPassword(
                        w,
                        Optional.ofNullable(t.credentials.get(projectId)).flatMap(Credential::lastSetAt),
                        Optional.ofNullable(t.resetLeases.get(projectId)).map(InMemoryStore.ResetLease::expiresAt))));
    }

    /** The store's lock is held for the whole surrounding transaction, so this row is locked as well. */
    @Override
    public Optional<Warehouse> findByProjectForUpdate(ProjectId projectId) {
        return store.read(t -> Optional.ofNullable(t.warehouses.get(projectId)));
    }

    @Override
    public void insert(Warehouse warehouse) {
        store.change(t -> {
            Tables.requireNew(
                    t.warehouses.containsKey(warehouse.projectId()), "warehouse of project", warehouse.projectId());
            t.requireProject(warehouse.projectId());
            requireNameFree(t, warehouse);
            if (warehouse.state().holdsDatabaseName()
                    && warehouse
                            .schema()
                            .filter(s -> schemaHeld(t, s, warehouse.projectId()))
                            .isPresent()) {
                throw new ConflictException(SCHEMA_TAKEN);
            }
            t.warehouses.put(warehouse.projectId(), warehouse);
        });
    }

    @Override
    public boolean update(Warehouse updated, WarehouseState expected) {
        return store.write(t -> {
            Warehouse stored = t.warehouses.get(updated.projectId());
            if (stored == null || stored.state() != expected) {
                return false;
            }
            if (updated.state().holdsDatabaseName() && !updated.databaseName().equals(stored.databaseName())) {
                throw new IllegalStateException("check violation: the live name of warehouse of project "
                        + updated.projectId() + " must be its database name " + stored.databaseName());
            }
            requireNameFree(t, updated);
            t.warehouses.put(
                    updated.projectId(),
                    new Warehouse(
                            stored.projectId(),
                            stored.databaseName(),
                            stored.schemaName(),
                            updated.state(),
                            updated.statusMessage(),
                            stored.createdAt(),
                            updated.updatedAt(),
                            updated.provisioningStartedAt(),
                            updated.readyAt(),
                            updated.failedAt()));
            return true;
        });
    }

    @Override
    public void deleteByProject(ProjectId projectId) {
        store.change(t -> {
            t.warehouses.remove(projectId);
            t.credentials.remove(projectId);
            t.resetLeases.remove(projectId);
        });
    }

    @Override
    public boolean isDatabaseNameHeld(DatabaseName name) {
        return store.read(t -> t.warehouses.values().stream().anyMatch(w -> holds(w, name)));
    }

    @Override
    public boolean isSchemaNameHeldByAnotherProject(SchemaName name, ProjectId project) {
        return store.read(t -> schemaHeld(t, name, project));
    }

    private static boolean schemaHeld(Tables t, SchemaName name, ProjectId project) {
        Project asking = t.projects.get(project);
        return asking != null
                && t.warehouses.values().stream()
                        .filter(w -> !w.projectId().equals(project))
                        .filter(w -> w.state().holdsDatabaseName())
                        .filter(w -> w.schema().filter(name::equals).isPresent())
                        .anyMatch(w ->
                                t.projects.get(w.projectId()).organizationId().equals(asking.organizationId()));
    }

    @Override
    public List<Warehouse> findInStateAfter(WarehouseState state, ProjectId after, int limit) {
        return store.read(t -> t.warehouses.values().stream()
                .filter(w -> w.state() == state)
                .filter(w -> after == null || w.projectId().value() > after.value())
                .sorted(java.util.Comparator.comparingLong(w -> w.projectId().value()))
                .limit(Math.max(0, limit))
                .toList());
    }

    @Override
    public List<Warehouse> findInStates(Set<WarehouseState> states, int limit) {
        if (states.isEmpty() || limit <= 0) {
            return List.of();
        }
        return store.read(t -> t.warehouses.values().stream()
                .filter(w -> states.contains(w.state()))
                .sorted(OLDEST_UPDATE_FIRST)
                .limit(limit)
                .toList());
    }

    private static void requireNameFree(Tables t, Warehouse w) {
        boolean taken = t.warehouses.values().stream()
                .anyMatch(other -> !other.projectId().equals(w.projectId()) && holds(other, w.databaseName()));
        if (w.state().holdsDatabaseName() && taken) {
            throw new ConflictException(NAME_TAKEN);
        }
    }

    private static boolean holds(Warehouse w, DatabaseName name) {
        return w.state().holdsDatabaseName() && w.databaseName().equals(name);
    }
}
