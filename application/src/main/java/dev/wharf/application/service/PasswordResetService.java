package dev.wharf.application.service;

import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.ResetWarehousePasswordUseCase;
import dev.wharf.application.port.out.CredentialRepository;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.application.port.out.WarehouseRepository;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.PasswordGenerator;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Clock;

/**
 * Rotates a warehouse's root password. The warehouse row stays locked from the read to the commit, and the engine is
 * told inside that window: concurrent resets run one after the other, the last one to commit is the one whose
 * password is in force, and it carries the latest {@code password_last_set_at}. When the engine fails, the
 * transaction rolls back and nothing changes. The {@link ActionGuard} checks access and the project's rate limit first,
 * and records every reset, and every refusal of one, in the audit log.
 */
public final class PasswordResetService implements ResetWarehousePasswordUseCase {
    public static final String REFUSAL =
            "Only organization admins can reset the root password for the managed warehouse";

    private final ActionGuard guard;
    private final WarehouseRepository warehouses;
    private final CredentialRepository credentials;
    private final WarehouseEngine engine;
    private final PasswordGenerator passwords;
    private final Clock clock;

    public PasswordResetService(
            ActionGuard guard,
            WarehouseRepository warehouses,
            CredentialRepository credentials,
            WarehouseEngine engine,
            PasswordGenerator passwords,
            Clock clock) {
        this.guard = guard;
        this.warehouses = warehouses;
        this.credentials = credentials;
        this.engine = engine;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public PasswordReset reset(ManageWarehouseCommand command) {
        return guard.call(
                AuditAction.RESET_PASSWORD, command.actor(), command.projectId(), REFUSAL, command.rateLimit(), () -> {
                    Warehouse warehouse = warehouses
                            .findByProjectForUpdate(command.projectId())
                            .orElseThrow(() -> new NotFoundException(WarehouseService.NOT_FOUND));
                    Credential.requireResettable(warehouse);
                    Credential current = credentials
                            .findByProject(command.projectId())
                            .orElseGet(() -> Credential.forNewWarehouse(
                                    command.projectId(), engine.loginFor(warehouse.databaseName())));
                    Password password = engine.setPassword(warehouse.databaseName(), passwords.generate());
                    Credential updated =
                            current.passwordSet(warehouse, command.actor().userId(), clock.instant());
                    credentials.save(updated);
                    return new PasswordReset(updated.username(), password, updated.passwordLastSetAt());
                });
    }
}
