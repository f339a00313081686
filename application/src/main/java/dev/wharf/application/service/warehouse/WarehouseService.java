package dev.wharf.application.service.warehouse;

import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.Admission;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.CheckSchemaNameQuery;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.NameAvailability;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.in.warehouse.WarehouseLifecycle;
import dev.wharf.application.port.in.warehouse.WarehouseQuery;
import dev.wharf.application.port.in.warehouse.WarehouseStatusView;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.warehouse.WarehouseRepository.WarehouseWithPassword;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Clock;
import java.util.Optional;

/**
 * The warehouse lifecycle as the API drives it: status, provision, deprovision and name checks. Provision and
 * deprovision pass the {@link ActionGuard} (access, the project's rate limit, the audit log); the worker is woken only
 * after the action has committed.
 */
public final class WarehouseService implements WarehouseLifecycle {
    public static final String NOT_FOUND = "warehouse not found";
    public static final String PROVISION_REFUSAL = "Only organization admins can provision the managed warehouse";
    public static final String DEPROVISION_ADMIN_REFUSAL =
            "Only organization admins can deprovision the managed warehouse";
    public static final String DEPROVISION_REFUSAL =
            "warehouse must be in ready, failed, or provisioning state to deprovision";
    /** PostHog's words for check-database-name's missing and invalid names (400). */
    public static final String NAME_REQUIRED = "database_name is required";

    public static final String NAME_LENGTH = "Warehouse name must be 3-63 characters";
    public static final String NAME_NOT_A_DNS_LABEL = "Warehouse name must be a DNS label: lowercase letters, numbers,"
            + " and hyphens, starting and ending with a letter or number";
    public static final String NAME_TAKEN = "database name is already taken";
    public static final String SCHEMA_CHECK_REFUSAL =
            "Only organization admins can check schema names for the managed warehouse";
    public static final String SCHEMA_TAKEN = SchemaName.TAKEN;

    private final ProjectAccess access;
    private final ActionGuard guard;
    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final CredentialRepository credentials;
    private final WarehouseEngine engine;
    private final Runnable wakeWorker;
    private final Clock clock;

    public WarehouseService(
            ProjectAccess access,
            ActionGuard guard,
            TransactionRunner transactions,
            WarehouseRepository warehouses,
            CredentialRepository credentials,
            WarehouseEngine engine,
            Runnable wakeWorker,
            Clock clock) {
        this.access = access;
        this.guard = guard;
        this.transactions = transactions;
        this.warehouses = warehouses;
        this.credentials = credentials;
        this.engine = engine;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    @Override
    public WarehouseStatusView status(WarehouseQuery query) {
        OrganizationId organization = access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ)
                .organizationId();
        WarehouseWithPassword found = warehouses
                .findWithPasswordLastSet(query.projectId())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Warehouse warehouse = found.warehouse();
        if (!warehouse.isReady()) {
            return new WarehouseStatusView(
                    warehouse, organization, found.passwordLastSetAt(), Optional.empty(), Optional.empty());
        }
        return new WarehouseStatusView(
                warehouse,
                organization,
                found.passwordLastSetAt(),
                Optional.of(engine.connection(warehouse.databaseName(), WarehouseTag.of(warehouse))),
                found.unfinishedResetSince(clock.instant()));
    }

    @Override
    public void provision(ProvisionWarehouseCommand command) {
        Admission admission = guard.admit(
                AuditAction.PROVISION, command.actor(), command.projectId(), PROVISION_REFUSAL, command.rateLimit());
        try {
            transactions.inTransaction(() -> {
                DatabaseName name = new DatabaseName(command.databaseName());
                Optional<SchemaName> schema = SchemaName.optional(command.schemaName());
                Optional<Warehouse> current = warehouses.findByProjectForUpdate(command.projectId());
                Warehouse pending = Warehouse.provision(current, command.projectId(), name, schema, clock.instant());
                // A schema name another project of the organization holds is refused by the store (a unique index),
                // with SchemaName.TAKEN: checking first would be a second query, and still racy.
                current.ifPresent(old -> warehouses.deleteByProject(old.projectId()));
                warehouses.insert(pending);
                credentials.save(Credential.forNewWarehouse(command.projectId(), engine.loginFor(name)));
                admission.succeeded();
            });
        } catch (RuntimeException failure) {
            throw admission.failed(failure);
        }
        wakeWorker.run();
    }

    @Override
    public void deprovision(ManageWarehouseCommand command) {
        Admission admission = guard.admit(
                AuditAction.DEPROVISION,
                command.actor(),
                command.projectId(),
                DEPROVISION_ADMIN_REFUSAL,
                command.rateLimit());
        try {
            transactions.inTransaction(() -> {
                startDeleting(command);
                admission.succeeded();
            });
        } catch (RuntimeException failure) {
            throw admission.failed(failure);
        }
        wakeWorker.run();
    }

    /**
     * Moves the warehouse to deleting; one that is missing, deleting or deleted is left as it is (the same answer
     * again, as PostHog's proxy gives now), a pending one is the reference's conflict.
     */
    private void startDeleting(ManageWarehouseCommand command) {
        Optional<Warehouse> found = warehouses.findByProjectForUpdate(command.projectId());
        if (found.isEmpty()) {
            return;
        }
        Warehouse warehouse = found.get();
        WarehouseState state = warehouse.state();
        if (state == WarehouseState.DELETING || state == WarehouseState.DELETED) {
            return;
        }
        if (state != WarehouseState.READY && state != WarehouseState.FAILED && state != WarehouseState.PROVISIONING) {
            throw new ConflictException(DEPROVISION_REFUSAL);
        }
        if (!warehouses.update(warehouse.startDeleting(clock.instant()), state)) {
            throw new ConflictException(DEPROVISION_REFUSAL);
        }
    }

    @Override
    public NameAvailability checkDatabaseName(CheckDatabaseNameQuery query) {
        access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        String name = query.name();
        if (name == null || name.isEmpty()) {
            throw new RuleViolationException(NAME_REQUIRED);
        }
        Optional<String> problem = DatabaseName.problemWith(name);
        if (problem.isPresent()) {
            throw new RuleViolationException(
                    problem.get().equals(DatabaseName.BAD_LENGTH) ? NAME_LENGTH : NAME_NOT_A_DNS_LABEL);
        }
        if (warehouses.isDatabaseNameHeld(new DatabaseName(name))
                || engine.isNameTaken(new DatabaseName(name)).orElse(false)) {
            return new NameAvailability(name, false, Optional.of(NAME_TAKEN));
        }
        return new NameAvailability(name, true, Optional.empty());
    }

    /** Organization admins only; an invalid name is a 400 with the rule it breaks, as check-database-name's is. */
    @Override
    public NameAvailability checkSchemaName(CheckSchemaNameQuery query) {
        access.requireAdmin(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ, SCHEMA_CHECK_REFUSAL);
        SchemaName schema = new SchemaName(query.name());
        if (warehouses.isSchemaNameHeldByAnotherProject(schema, query.projectId())) {
            return new NameAvailability(schema.value(), false, Optional.of(SCHEMA_TAKEN));
        }
        return new NameAvailability(schema.value(), true, Optional.empty());
    }
}
