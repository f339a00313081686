package dev.wharf.application.service.warehouse;

import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.Admission;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.RootPasswordReset;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.CredentialRepository;
import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.PasswordGenerator;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseTag;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Rotates a warehouse's root password in three steps, so that no database connection or row lock waits on the engine:
 *
 * <ol>
 *   <li>a short transaction locks the warehouse, checks it is ready and takes its reset lease
 *       ({@link PasswordResetLeases}); a reset that finds another one's lease waits for it (up to
 *       {@link PasswordResetTiming#maxWait()}, then 409);
 *   <li>the engine is told the new password, in no transaction;
 *   <li>the transaction that records the password's time (and the audit entry, see {@link ActionGuard}) gives the
 *       lease up, if this reset still holds it and the warehouse is still the ready one it was.
 * </ol>
 *
 * <p>So concurrent resets of one warehouse still run one after the other, from every instance, and the last one to
 * commit is the one whose password is in force, with the latest {@code password_last_set_at}. When the engine fails,
 * nothing is recorded and the lease is given up at once; a reset whose process dies holds the warehouse until its
 * lease expires. The lease is longer than the engine's longest call ({@link PasswordResetTiming#coveringEngineCalls}):
 * a reset still in the engine when it runs out is told {@link #NOT_SAVED}, and the reset that took over may then hand
 * out a password the late call has replaced. Instances compare lease times by their own clocks, which must agree.
 * Instances older than V10 know nothing of the lease: during a rolling upgrade, their resets do not take turns with the
 * new ones'.
 */
public final class PasswordResetService implements RootPasswordReset {
    public static final String REFUSAL =
            "Only organization admins can reset the root password for the managed warehouse";
    /** The reference's words for a password the engine took but Wharf could not record (PostHog V4). */
    public static final String NOT_SAVED = "The password was rotated but could not be saved. Retry the password reset.";

    public static final String IN_PROGRESS = "Another password reset of this warehouse is in progress; retry shortly";

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    private final ActionGuard guard;
    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final CredentialRepository credentials;
    private final PasswordResetLeases leases;
    private final WarehouseEngine engine;
    private final PasswordGenerator passwords;
    private final PasswordResetTiming timing;
    private final Clock clock;
    private final EventPublisher events;

    public PasswordResetService(
            ActionGuard guard,
            TransactionRunner transactions,
            WarehouseRepository warehouses,
            CredentialRepository credentials,
            PasswordResetLeases leases,
            WarehouseEngine engine,
            PasswordGenerator passwords,
            PasswordResetTiming timing,
            Clock clock,
            EventPublisher events) {
        this.guard = guard;
        this.transactions = transactions;
        this.warehouses = warehouses;
        this.credentials = credentials;
        this.leases = leases;
        this.engine = engine;
        this.passwords = passwords;
        this.timing = timing;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public PasswordReset reset(ManageWarehouseCommand command) {
        ProjectId project = command.projectId();
        Admission admission =
                guard.admit(AuditAction.RESET_PASSWORD, command.actor(), project, REFUSAL, command.rateLimit());
        String owner = UUID.randomUUID().toString();
        Warehouse warehouse;
        try {
            warehouse = lease(project, owner);
        } catch (RuntimeException failure) {
            throw admission.failed(failure);
        }
        try {
            Password password =
                    engine.setPassword(warehouse.databaseName(), WarehouseTag.of(warehouse), passwords.generate());
            return transactions.inTransaction(() -> {
                PasswordReset reset = record(command, owner, warehouse, password);
                admission.succeeded();
                return reset;
            });
        } catch (RuntimeException failure) {
            giveUp(project, owner, failure);
            throw admission.failed(failure);
        } catch (Error failure) {
            giveUp(project, owner, failure);
            throw failure;
        }
    }

    /** Takes the warehouse's lease, waiting while another reset holds it; the warehouse as it was then. */
    private Warehouse lease(ProjectId project, String owner) {
        long waitUntil = System.nanoTime() + timing.maxWait().toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<Warehouse> taken = transactions.inTransaction(() -> {
                Warehouse warehouse = warehouses
                        .findByProjectForUpdate(project)
                        .orElseThrow(() -> new NotFoundException(WarehouseService.NOT_FOUND));
                Credential.requireResettable(warehouse);
                Instant now = clock.instant();
                return leases.take(project, owner, now, now.plus(timing.lease()))
                        ? Optional.of(warehouse)
                        : Optional.<Warehouse>empty();
            });
            if (taken.isPresent()) {
                return taken.get();
            }
            if (System.nanoTime() - waitUntil >= 0) {
                throw new ConflictException(IN_PROGRESS);
            }
            pause(Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitUntil - System.nanoTime()))));
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private PasswordReset record(ManageWarehouseCommand command, String owner, Warehouse leased, Password password) {
        ProjectId project = command.projectId();
        Warehouse warehouse =
                warehouses.findByProjectForUpdate(project).orElseThrow(() -> new ConflictException(NOT_SAVED));
        if (!leases.release(project, owner) || !warehouse.databaseName().equals(leased.databaseName())) {
            throw new ConflictException(NOT_SAVED);
        }
        Credential current = credentials
                .findByProject(project)
                .orElseGet(() -> Credential.forNewWarehouse(project, engine.loginFor(warehouse.databaseName())));
        Credential updated = current.passwordSet(warehouse, command.actor().userId(), clock.instant());
        credentials.save(updated);
        events.publish(WebhookEvent.of(
                project,
                WebhookEventType.WAREHOUSE_PASSWORD_RESET,
                updated.passwordLastSetAt(),
                "database_name",
                warehouse.databaseName().value(),
                "username",
                updated.username().value(),
                "password_last_set_at",
                updated.passwordLastSetAt()));
        return new PasswordReset(updated.username(), password, updated.passwordLastSetAt());
    }

    /** Gives the lease up after a failure; if even that fails, the lease expires on its own. */
    private void giveUp(ProjectId project, String owner, Throwable failure) {
        try {
            transactions.inTransaction(() -> leases.release(project, owner));
        } catch (RuntimeException unreleased) {
            failure.addSuppressed(unreleased);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(IN_PROGRESS);
        }
    }
}
