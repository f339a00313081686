package dev.wharf.application.service.webhook;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The warehouse store, telling {@code warehouse.state_changed} of every change of state in the transaction that
 * stores it: whichever service moves a warehouse (a provision, the worker, the check of ready warehouses, a
 * deprovision), subscribers hear of it, and of nothing that did not commit.
 */
public final class WarehouseStateEvents implements WarehouseRepository {
    private final WarehouseRepository warehouses;
    private final TransactionRunner transactions;
    private final EventPublisher events;

    public WarehouseStateEvents(WarehouseRepository warehouses, TransactionRunner transactions, EventPublisher events) {
        this.warehouses = warehouses;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void insert(Warehouse warehouse) {
        transactions.inTransaction(() -> {
            warehouses.insert(warehouse);
            events.publish(changed(warehouse, null));
        });
    }

    @Override
    public boolean update(Warehouse updated, WarehouseState expected) {
        return transactions.inTransaction(() -> {
            boolean stored = warehouses.update(updated, expected);
            if (stored && updated.state() != expected) {
                events.publish(changed(updated, expected));
            }
            return stored;
        });
    }

    static WebhookEvent changed(Warehouse warehouse, WarehouseState previous) {
        return WebhookEvent.of(
                warehouse.projectId(),
                WebhookEventType.WAREHOUSE_STATE_CHANGED,
                warehouse.updatedAt(),
                "database_name",
                warehouse.databaseName().value(),
                "state",
                warehouse.state().wireName(),
                "previous_state",
                previous == null ? null : previous.wireName(),
                "status_message",
                warehouse.statusMessage());
    }

    @Override
    public Optional<Warehouse> findByProject(ProjectId projectId) {
        return warehouses.findByProject(projectId);
    }

    @Override
    public Optional<WarehouseWithPassword> findWithPasswordLastSet(ProjectId projectId) {
        return warehouses.findWithPasswordLastSet(projectId);
    }

    @Override
    public Optional<Warehouse> findByProjectForUpdate(ProjectId projectId) {
        return warehouses.findByProjectForUpdate(projectId);
    }

    @Override
    public void deleteByProject(ProjectId projectId) {
        warehouses.deleteByProject(projectId);
    }

    @Override
    public boolean isDatabaseNameHeld(DatabaseName name) {
        return warehouses.isDatabaseNameHeld(name);
    }

    @Override
    public boolean isSchemaNameHeldByAnotherProject(SchemaName name, ProjectId project) {
        return warehouses.isSchemaNameHeldByAnotherProject(name, project);
    }

    @Override
    public List<Warehouse> findInStates(Set<WarehouseState> states, int limit) {
        return warehouses.findInStates(states, limit);
    }

    @Override
    public List<Warehouse> findInStateAfter(WarehouseState state, ProjectId after, int limit) {
        return warehouses.findInStateAfter(state, after, limit);
    }
}
